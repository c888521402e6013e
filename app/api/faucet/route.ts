import { BaseError, getAddress, isAddress } from 'viem'
import { loadServerChain } from '@/lib/chain/settings'
import { FaucetError, fundAccount } from '@/lib/wallet/faucet'

/**
 * POST /api/faucet `{ "address": "0x…" }`: test TKO and ETH for an account, on the local chain (31337)
 * only. The deployer's key stays on the server (FAUCET_PRIVATE_KEY, else anvil's public account 0).
 */
export async function POST(request: Request): Promise<Response> {
  const chain = await loadServerChain()
  if (chain.status !== 'ready') return json(503, { error: chain.reason })
  const body = (await request.json().catch(() => null)) as { address?: unknown } | null
  const address = body?.address
  if (typeof address !== 'string' || !isAddress(address, { strict: false })) {
    return json(400, { error: 'Send { "address": "0x…" } with the account to fund.' })
  }
  try {
    const funded = await fundAccount({
      rpcUrl: chain.env.rpcUrl,
      chainId: chain.env.chainId,
      token: chain.deployment.addresses.token,
      to: getAddress(address),
    })
    return json(200, {
      tko: funded.tko.toString(),
      eth: funded.eth.toString(),
      balance: funded.balance.toString(),
    })
  } catch (error) {
    if (error instanceof FaucetError) return json(error.status, { error: error.message })
    const message =
      error instanceof BaseError ? error.shortMessage : error instanceof Error ? error.message : String(error)
    return json(500, { error: `The faucet failed: ${message}` })
  }
}

function json(status: number, body: Record<string, string>): Response {
  return Response.json(body, { status, headers: { 'cache-control': 'no-store' } })
}
