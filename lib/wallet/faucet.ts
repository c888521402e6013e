/**
 * Server only (app/api/faucet/route.ts, through lib/wallet/faucet-handler.ts, which decides who may
 * ask): funds an account on the LOCAL chain with test TKO (minted by the token's owner, the deployer)
 * and ETH for gas (`anvil_setBalance`). Refuses on any chain but 31337, asking the node itself, not
 * only the configuration.
 */
import {
  type Address,
  createPublicClient,
  createTestClient,
  createWalletClient,
  type Hex,
  http,
  isHex,
  parseEther,
} from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { TaikoToken } from '@/contracts-abi/TaikoToken'
import { chainFor } from '@/lib/chain/chains'

export const FAUCET_CHAIN_ID = 31_337
/** TKO per request (whole TKO): several times the demo minimum stake, enough to join and top up. */
export const FAUCET_TKO = 10_000n * 10n ** 18n
/** ETH added per request, for gas. */
export const FAUCET_ETH = parseEther('100')

/** Anvil's account 0 (public test key): the deployer, owner of the local TaikoToken. */
const ANVIL_DEPLOYER_KEY: Hex = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80'

export class FaucetError extends Error {
  override name = 'FaucetError'
  readonly status: number
  constructor(status: number, message: string) {
    super(message)
    this.status = status
  }
}

export type FundParameters = {
  rpcUrl: string
  /** Chain id the app is configured for. */
  chainId: number
  token: Address
  to: Address
  /** The token owner's key; default FAUCET_PRIVATE_KEY, else anvil account 0. */
  privateKey?: Hex | undefined
}

export type FundReturnType = { tko: bigint; eth: bigint; balance: bigint }

/**
 * Mints and funds. One at a time (one deployer nonce sequence): the caller queues the requests
 * (faucet-handler.ts runs them one after another in a bounded queue).
 */
export async function fundAccount({
  rpcUrl,
  chainId,
  token,
  to,
  privateKey,
}: FundParameters): Promise<FundReturnType> {
  if (chainId !== FAUCET_CHAIN_ID) {
    throw new FaucetError(
      403,
      `The faucet only runs on the local chain (${FAUCET_CHAIN_ID}); this app reads chain ${chainId}.`,
    )
  }
  const key = privateKey ?? (process.env.FAUCET_PRIVATE_KEY as Hex | undefined) ?? ANVIL_DEPLOYER_KEY
  if (!isHex(key) || key.length !== 66)
    throw new FaucetError(500, 'FAUCET_PRIVATE_KEY is not a 32-byte hex key.')
  const chain = chainFor(FAUCET_CHAIN_ID, rpcUrl)
  const transport = http(rpcUrl, { batch: false, retryCount: 0, timeout: 15_000 })
  const publicClient = createPublicClient({ chain, transport, cacheTime: 0 })
  const nodeChainId = await publicClient.getChainId().catch(() => {
    throw new FaucetError(502, 'The chain node did not answer, so no test tokens were sent.')
  })
  if (nodeChainId !== FAUCET_CHAIN_ID) {
    throw new FaucetError(
      403,
      `The node is chain ${nodeChainId}, not the local chain ${FAUCET_CHAIN_ID}: no faucet.`,
    )
  }
  const wallet = createWalletClient({ account: privateKeyToAccount(key), chain, transport })
  const testClient = createTestClient({ chain, transport, mode: 'anvil' })

  const eth = await publicClient.getBalance({ address: to })
  await testClient.setBalance({ address: to, value: eth + FAUCET_ETH })
  const hash = await wallet.writeContract({
    address: token,
    abi: TaikoToken.abi,
    functionName: 'mint',
    args: [to, FAUCET_TKO],
  })
  const receipt = await publicClient.waitForTransactionReceipt({ hash, pollingInterval: 250 })
  if (receipt.status !== 'success') throw new FaucetError(500, 'Minting test TKO reverted.')
  const balance = await publicClient.readContract({
    address: token,
    abi: TaikoToken.abi,
    functionName: 'balanceOf',
    args: [to],
  })
  return { tko: FAUCET_TKO, eth: FAUCET_ETH, balance }
}
