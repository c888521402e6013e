import { loadServerChain } from '@/lib/chain/settings'
import { createRedactor, rpcUrlSecrets } from '@/lib/security/redact'
import { fundAccount } from '@/lib/wallet/faucet'
import { createFaucetHandler, faucetLimitsFromEnv } from '@/lib/wallet/faucet-handler'

/**
 * POST /api/faucet `{ "address": "0x…" }`: test TKO and ETH for an account. Only on the local chain
 * (31337) and when the operator enables it (FAUCET_ENABLED=1); same-origin JSON only, rate-limited,
 * one mint at a time (lib/wallet/faucet-handler.ts). The deployer's key stays on the server
 * (FAUCET_PRIVATE_KEY, else anvil's public account 0).
 */
const handle = createFaucetHandler({
  loadChain: loadServerChain,
  limits: faucetLimitsFromEnv(),
  redact: (text) => createRedactor(rpcUrlSecrets(process.env.RPC_URL ?? ''))(text),
  fund: (chain, to) =>
    fundAccount({
      rpcUrl: chain.env.rpcUrl,
      chainId: chain.env.chainId,
      token: chain.deployment.addresses.token,
      to,
    }),
})

export function POST(request: Request): Promise<Response> {
  return handle(request)
}

/** A GET says, in words, that the faucet wants a POST (or that there is none here). */
export function GET(request: Request): Promise<Response> {
  return handle(request)
}
