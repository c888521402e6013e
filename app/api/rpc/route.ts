import { loadServerChain } from '@/lib/chain/settings'
import { rpcErrorCodes } from '@/lib/rpc-proxy/json-rpc'
import { createRpcProxy, type RpcProxy } from '@/lib/rpc-proxy/proxy'
import { createHttpUpstream } from '@/lib/rpc-proxy/upstream'
import { createRedactor, rpcUrlSecrets } from '@/lib/security/redact'

/**
 * POST /api/rpc: the browser's JSON-RPC endpoint (unless the operator sets PUBLIC_RPC_URL). Forwards
 * an allowlist of reads of the pool to RPC_URL, which never leaves the server; see lib/rpc-proxy and
 * docs/security.md.
 */
const proxies = new Map<string, RpcProxy>()

export async function POST(request: Request): Promise<Response> {
  const chain = await loadServerChain()
  if (chain.status !== 'ready') {
    return Response.json(
      { jsonrpc: '2.0', id: null, error: { code: rpcErrorCodes.internal, message: chain.reason } },
      { status: 503, headers: { 'cache-control': 'no-store' } },
    )
  }
  const { env, deployment } = chain
  const { token, protocol, lens, verifier } = deployment.addresses
  const key = [env.chainId, env.rpcUrl, token, protocol, lens, verifier].join(':')
  let proxy = proxies.get(key)
  if (!proxy) {
    proxy = createRpcProxy({
      upstream: createHttpUpstream(env.rpcUrl),
      policy: { contracts: [token, protocol, lens, verifier], allowRawTransactions: env.localChain },
      redact: createRedactor(rpcUrlSecrets(env.rpcUrl)),
    })
    // One configuration at a time in practice; a changed deployments file replaces the old proxy.
    proxies.clear()
    proxies.set(key, proxy)
  }
  return proxy.handle(request)
}
