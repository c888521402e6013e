/**
 * The test's handle on the e2e anvil: reads, time travel, snapshots. Chain time advances by
 * `E2E_BLOCK_TIME_STEP` per mined block and only through these helpers otherwise, so a test that
 * takes 40 s of wall clock still proves inside a 20 s proof window unless it says otherwise.
 */
import {
  type Account,
  type Chain,
  createPublicClient,
  createTestClient,
  createWalletClient,
  type Hex,
  http,
  type PublicClient,
  type TestClient,
  type Transport,
  type WalletClient,
} from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { chainFor } from '@/lib/chain/chains'
import { E2E_CHAIN_ID, E2E_RPC_URL } from './env'

export type E2EChain = {
  chain: Chain
  rpcUrl: string
  publicClient: PublicClient<Transport, Chain>
  testClient: TestClient<'anvil', Transport, Chain>
  /** A wallet client that signs locally with `privateKey` and sends to the e2e anvil. */
  walletClient(privateKey: Hex): WalletClient<Transport, Chain, Account>
  blockNumber(): Promise<bigint>
  /** Timestamp of the latest block (the chain's "now", which the dashboard shows). */
  timestamp(): Promise<bigint>
  /** Mines `blocks` empty blocks (each advances time by the block step). */
  mine(blocks?: number): Promise<void>
  /** Moves chain time forward by `seconds` and mines one block at exactly `latest + seconds` (0: one step). */
  increaseTime(seconds: number | bigint): Promise<void>
  /** `evm_snapshot`: returns the id to `revert` to. */
  snapshot(): Promise<Hex>
  /** `evm_revert`: restores state, blocks and time of the snapshot (the id is used up). */
  revert(id: Hex): Promise<void>
}

export function createE2EChain(rpcUrl = E2E_RPC_URL, chainId = E2E_CHAIN_ID): E2EChain {
  const chain = chainFor(chainId, rpcUrl)
  const transport = http(rpcUrl, { batch: false, retryCount: 0, timeout: 20_000 })
  const publicClient = createPublicClient({ chain, transport, pollingInterval: 100, cacheTime: 0 })
  const testClient = createTestClient({ chain, transport, mode: 'anvil' })
  const wallets = new Map<Hex, WalletClient<Transport, Chain, Account>>()

  const timestamp = async () => (await publicClient.getBlock({ blockTag: 'latest' })).timestamp
  return {
    chain,
    rpcUrl,
    publicClient,
    testClient,
    walletClient(privateKey) {
      let client = wallets.get(privateKey)
      if (!client) {
        client = createWalletClient({ account: privateKeyToAccount(privateKey), chain, transport })
        wallets.set(privateKey, client)
      }
      return client
    },
    blockNumber: () => publicClient.getBlockNumber({ cacheTime: 0 }),
    timestamp,
    async mine(blocks = 1) {
      await testClient.mine({ blocks })
    },
    async increaseTime(seconds) {
      const step = BigInt(seconds)
      if (step < 0n) throw new Error(`increaseTime: seconds must be >= 0, got ${seconds}`)
      // evm_increaseTime is ignored while anvil advances time per block (anvil_setBlockTimestampInterval),
      // so pin the next block's timestamp instead: same result, exact.
      if (step > 0n) await testClient.setNextBlockTimestamp({ timestamp: (await timestamp()) + step })
      await testClient.mine({ blocks: 1 })
    },
    snapshot: () => testClient.snapshot(),
    async revert(id) {
      await testClient.revert({ id })
    },
  }
}
