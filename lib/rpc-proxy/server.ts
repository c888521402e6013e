import { custom, HttpRequestError } from 'viem'
import { createReadClient, type ReadClient } from '@/lib/chain/read-client'
import type { ServerChain } from '@/lib/chain/settings'
import { createRedactor, rpcUrlSecrets } from '@/lib/security/redact'
import { createRpcProxy, type RpcProxy } from './proxy'
import { createHttpUpstream } from './upstream'

/**
 * The server's one RPC proxy per deployment, shared by the routes the browser reads through:
 * app/api/rpc (JSON-RPC), app/api/pool and app/api/staker (decoded on the server, so the read-only
 * pages need no ABI code). One coalescer: a thousand visitors asking for the pool at block N are one
 * `eth_call` to RPC_URL, whichever route they came by.
 */
type ReadyChain = Extract<ServerChain, { status: 'ready' }>

let current: { key: string; proxy: RpcProxy; client: ReadClient } | undefined

function proxyFor(chain: ReadyChain): { proxy: RpcProxy; client: ReadClient } {
  const { env, deployment } = chain
  const { token, protocol, lens, verifier } = deployment.addresses
  const key = [env.chainId, env.rpcUrl, token, protocol, lens, verifier].join(':')
  if (current?.key !== key) {
    // One configuration at a time in practice; a changed deployments file replaces the old proxy.
    const proxy = createRpcProxy({
      upstream: createHttpUpstream(env.rpcUrl),
      policy: { contracts: [token, protocol, lens, verifier], allowRawTransactions: env.localChain },
      redact: createRedactor(rpcUrlSecrets(env.rpcUrl)),
    })
    const client = createReadClient({
      chainId: env.chainId,
      rpcUrl: env.rpcUrl,
      // In-process: a read goes through the proxy's policy, coalescer and queue, not over HTTP again.
      transport: custom({
        async request({ method, params }) {
          const { response, failure } = await proxy.forward(method, (params as unknown[] | undefined) ?? [])
          // Unreachable or busy is a transport failure (describeChainError: "did not answer"); the
          // URL named is a placeholder, never RPC_URL.
          if ('result' in response) return response.result
          if (failure) throw new HttpRequestError({ url: 'RPC_URL', details: response.error.message })
          throw Object.assign(new Error(response.error.message), response.error)
        },
      }),
    })
    current = { key, proxy, client }
  }
  return current
}

export function rpcProxyFor(chain: ReadyChain): RpcProxy {
  return proxyFor(chain).proxy
}

/** A viem read client over the shared proxy (lib/chain's readPool / readStaker run on it). */
export function proxyReadClient(chain: ReadyChain): ReadClient {
  return proxyFor(chain).client
}
