import { loadServerChain } from '@/lib/chain/settings'
import { rpcErrorCodes } from '@/lib/rpc-proxy/json-rpc'
import { rpcProxyFor } from '@/lib/rpc-proxy/server'

/**
 * POST /api/rpc: the browser's JSON-RPC endpoint (unless the operator sets PUBLIC_RPC_URL). Forwards
 * an allowlist of reads of the pool to RPC_URL, which never leaves the server; see lib/rpc-proxy and
 * docs/security.md.
 */
export async function POST(request: Request): Promise<Response> {
  const chain = await loadServerChain()
  if (chain.status !== 'ready') {
    return Response.json(
      { jsonrpc: '2.0', id: null, error: { code: rpcErrorCodes.internal, message: chain.reason } },
      { status: 503, headers: { 'cache-control': 'no-store' } },
    )
  }
  return rpcProxyFor(chain).handle(request)
}
