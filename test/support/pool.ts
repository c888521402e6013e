/**
 * A deployed Prover Pool on a private anvil node, with funded accounts and the helpers the contract
 * tests share. See index.ts for the API overview.
 */
import {
  type Abi,
  type Address,
  type BaseError,
  ContractFunctionExecutionError,
  ContractFunctionRevertedError,
  createPublicClient,
  createTestClient,
  createWalletClient,
  custom,
  decodeFunctionData,
  getAddress,
  getContract,
  type Hash,
  type Hex,
  http,
  keccak256,
  maxUint256,
  type ParseEventLogsReturnType,
  parseEventLogs,
  type TransactionReceipt,
  toHex,
  WaitForTransactionReceiptTimeoutError,
} from 'viem'
import { mnemonicToAccount } from 'viem/accounts'
import { foundry } from 'viem/chains'
import { BlockProtocol } from '@/contracts-abi/BlockProtocol'
import { DevelopmentProofVerifier } from '@/contracts-abi/DevelopmentProofVerifier'
import { ProverPoolLens } from '@/contracts-abi/ProverPoolLens'
import { TaikoToken } from '@/contracts-abi/TaikoToken'
import { demoConfig, type PoolConfig } from '@/lib/pool-math/config'
import { startAnvil } from '@/scripts/lib/anvil'
import { deployContracts } from '@/scripts/lib/deploy-core'
import { TKO } from './expected'
import { claimPort } from './ports'

/** anvil's default mnemonic: account i of it is anvil's dev account i. */
export const ANVIL_MNEMONIC = 'test test test test test test test test test test test junk'

/**
 * The test deployment: demoConfig with small numbers, so every threshold is a handful of blocks away.
 * minStake(b) = clamp(1000·(8+b)/16, 500, 2000) TKO; minCapacity(b) = max(1, clamp(2·(8+b)/16, 1, 4));
 * window = clamp(3·avg, 20, 180) s (36 s at the start); batching from backlog 4 (size ⌈b/2⌉ in [2, 3]);
 * emergency at backlog 6 (prover failure: backlog 3), leaving at ≤ 1 with ≥ 2 available provers.
 */
export const testConfig: PoolConfig = {
  ...demoConfig,
  maxActiveProvers: 4n,
  minProofWindow: 20n,
  maxProofWindow: 180n,
  rewardChangeCooldown: 120n,
  exitDelay: 300n,
  maxExitsPerDay: 2n,
  maxOpenBlocks: 10n,
  baseMinStake: 1_000n * TKO,
  baseMinCapacity: 2n,
  targetBacklog: 8n,
  congestionBacklog: 6n,
  minAvailableProvers: 2n,
  batchingBacklog: 4n,
  batchDivisor: 2n,
  maxBatchSize: 3n,
  minGasPerBlock: 100_000n,
  // Tests change the config with `updateConfig` (schedule + apply) without waiting; the delay itself has
  // its own tests (config-and-token, attacks), which deploy with one.
  configDelay: 0n,
}

export const TEST_INITIAL_FEE_PER_GAS = 1_000_000_000n
export const TEST_INITIAL_AVG_PROOF_DELAY_MS = 12_000n
export const TEST_TREASURY_FUNDING = 1_000n * TKO
/** TKO minted to each dev account (and approved to the protocol) at setup. */
export const ACCOUNT_FUNDING = 1_000_000n * TKO
/** Stake, R and C used when a test does not care. Stays eligible at every backlog (minStake ≤ 2000). */
export const DEFAULT_STAKE = 2_000n * TKO
export const DEFAULT_CAPACITY = 8n
export const DEFAULT_GAS_USED = 1_000_000n
export const DEFAULT_PROOF: Hex = '0x01'
/** Every transaction is sent with this gas limit, so a reverting one is mined (see `send`). */
const TX_GAS = 15_000_000n

export type PoolOptions = {
  config?: Partial<PoolConfig>
  initialFeePerGas?: bigint
  initialAvgProofDelayMs?: bigint
  treasuryFunding?: bigint
}

/** Every custom error any of our contracts (or OpenZeppelin inside them) can revert with. */
export const errorsAbi: Abi = dedupe(
  [...BlockProtocol.abi, ...TaikoToken.abi, ...ProverPoolLens.abi, ...DevelopmentProofVerifier.abi].filter(
    (item) => item.type === 'error',
  ),
)
const functionsAbi: Abi = [
  ...BlockProtocol.abi,
  ...TaikoToken.abi,
  ...ProverPoolLens.abi,
  ...DevelopmentProofVerifier.abi,
].filter((item) => item.type === 'function')

function dedupe(items: Abi): Abi {
  const seen = new Set<string>()
  return items.filter((item) => {
    const key = JSON.stringify(item)
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** Starts anvil on a claimed port (retrying on a lost race), deploys, funds and returns the pool. */
export async function deployPool(options: PoolOptions = {}) {
  const tried = new Set<number>()
  for (let attempt = 0; ; attempt++) {
    const claim = await claimPort(tried)
    tried.add(claim.port)
    let node: Awaited<ReturnType<typeof startAnvil>>
    try {
      node = await startAnvil({ port: claim.port })
    } catch (error) {
      claim.release()
      if (attempt < 5) continue
      throw error
    }
    try {
      return await createPool(node, claim.release, options)
    } catch (error) {
      await node.stop()
      claim.release()
      throw error
    }
  }
}

export type Pool = Awaited<ReturnType<typeof createPool>>

async function createPool(
  node: { rpcUrl: string; stop: () => Promise<void> | void },
  releasePort: () => void,
  options: PoolOptions,
) {
  const { rpcUrl } = node
  const config: PoolConfig = { ...testConfig, ...options.config }
  const initialFeePerGas = options.initialFeePerGas ?? TEST_INITIAL_FEE_PER_GAS
  const initialAvgProofDelayMs = options.initialAvgProofDelayMs ?? TEST_INITIAL_AVG_PROOF_DELAY_MS

  // No caching: snapshots move the chain backwards, so a cached block number would point past its head.
  const publicClient = createPublicClient({
    chain: foundry,
    transport: http(rpcUrl),
    pollingInterval: 20,
    cacheTime: 0,
  })
  const testClient = createTestClient({ chain: foundry, mode: 'anvil', transport: http(rpcUrl) })
  // A fresh node is at block 0; anything else means our port was taken by another node after the probe.
  if ((await publicClient.getBlockNumber()) !== 0n) throw new Error(`${rpcUrl} is not a fresh anvil node`)

  // Wallet transport: a fixed gas limit on every eth_sendTransaction, so anvil never estimates. An
  // estimate runs at a different timestamp than the mined block, which would make time-edge tests lie.
  const rpc = http(rpcUrl, { retryCount: 0 })({ chain: foundry })
  const walletClient = createWalletClient({
    chain: foundry,
    transport: custom({
      request: ({ method, params }: { method: string; params?: unknown }) => {
        if (method === 'eth_sendTransaction' && Array.isArray(params)) {
          const [request] = params as [Record<string, unknown>]
          if (request.gas === undefined) params = [{ ...request, gas: toHex(TX_GAS) }]
        }
        return rpc.request({ method, params } as never)
      },
    }),
  })

  const dev = Array.from({ length: 10 }, (_, i) => mnemonicToAccount(ANVIL_MNEMONIC, { addressIndex: i }))
  const ownerKey = toHex(dev[0]!.getHdKey().privateKey!)
  const deployment = await deployContracts({
    rpcUrl,
    privateKey: ownerKey,
    config,
    initialFeePerGas,
    initialAvgProofDelayMs,
    treasuryFunding: options.treasuryFunding ?? TEST_TREASURY_FUNDING,
  })
  const addresses = {
    token: getAddress(deployment.addresses.token),
    protocol: getAddress(deployment.addresses.protocol),
    lens: getAddress(deployment.addresses.lens),
    verifier: getAddress(deployment.addresses.verifier),
  }
  const client = { public: publicClient, wallet: walletClient }
  const token = getContract({ address: addresses.token, abi: TaikoToken.abi, client })
  const protocol = getContract({ address: addresses.protocol, abi: BlockProtocol.abi, client })
  const lens = getContract({ address: addresses.lens, abi: ProverPoolLens.abi, client })
  const verifier = getContract({ address: addresses.verifier, abi: DevelopmentProofVerifier.abi, client })

  const accounts = {
    owner: dev[0]!.address,
    alice: dev[1]!.address,
    bob: dev[2]!.address,
    carol: dev[3]!.address,
    dave: dev[4]!.address,
    erin: dev[5]!.address,
    frank: dev[6]!.address,
    grace: dev[7]!.address,
    heidi: dev[8]!.address,
    proposer: dev[9]!.address,
  } as const
  const signers = new Map(dev.map((account) => [account.address.toLowerCase(), account]))

  /**
   * Waits for a transaction and returns its receipt. A reverted transaction throws the same error a
   * simulation would (`ContractFunctionExecutionError` → `ContractFunctionRevertedError` with the
   * decoded custom error), decoded from the mined transaction's trace.
   */
  async function send(hash: Hash | Promise<Hash>): Promise<TransactionReceipt> {
    const h = await hash
    const receipt = await receiptOf(h)
    if (receipt.status === 'reverted') throw await revertError(h)
    return receipt
  }

  /**
   * The receipt of a sent transaction. anvil's automine can leave a ready transaction in its pool
   * unmined (foundry-rs/foundry#10122: seen here about once in 25,000 model-test steps, as a receipt
   * timeout); an explicit `evm_mine` includes it. The nudge is logged, so it never hides silently.
   */
  async function receiptOf(hash: Hash): Promise<TransactionReceipt> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await publicClient.waitForTransactionReceipt({ hash, pollingInterval: 20, timeout: 15_000 })
      } catch (error) {
        if (!(error instanceof WaitForTransactionReceiptTimeoutError) || attempt === 3) throw error
        console.warn(`${hash} not mined after 15 s under automine: mining a block (anvil #10122)`)
        await testClient.mine({ blocks: 1 })
      }
    }
  }

  async function revertError(hash: Hash): Promise<BaseError> {
    const raw = publicClient.request as unknown as (args: {
      method: string
      params: unknown[]
    }) => Promise<unknown>
    const [trace, tx] = await Promise.all([
      raw({ method: 'debug_traceTransaction', params: [hash, { tracer: 'callTracer' }] }) as Promise<{
        output?: Hex
      }>,
      publicClient.getTransaction({ hash }),
    ])
    let functionName = 'unknown'
    let args: readonly unknown[] | undefined
    try {
      const decoded = decodeFunctionData({ abi: functionsAbi, data: tx.input })
      functionName = decoded.functionName
      args = decoded.args
    } catch {
      // not one of ours
    }
    const cause = new ContractFunctionRevertedError({
      abi: errorsAbi,
      data: trace.output ?? '0x',
      functionName,
    })
    return new ContractFunctionExecutionError(cause, {
      abi: functionsAbi,
      args,
      functionName,
      contractAddress: tx.to ?? undefined,
      sender: tx.from,
    })
  }

  const latestTimestamp = async () => (await publicClient.getBlock()).timestamp
  /** Timestamp of the block a transaction was mined in (`block.timestamp` inside it). */
  const timestampOf = async (receipt: TransactionReceipt) =>
    (await publicClient.getBlock({ blockNumber: receipt.blockNumber })).timestamp
  /** The next mined block (the next transaction) gets exactly this timestamp. */
  const setNextTimestamp = (timestamp: bigint) => testClient.setNextBlockTimestamp({ timestamp })
  const increaseTime = (seconds: bigint | number) => testClient.increaseTime({ seconds: Number(seconds) })
  const mine = (blocks = 1) => testClient.mine({ blocks })
  const snapshot = () => testClient.snapshot()
  const revert = (id: Hex) => testClient.revert({ id })

  async function mint(to: Address, amount: bigint) {
    return send(token.write.mint([to, amount], { account: accounts.owner }))
  }

  async function fund(address: Address) {
    await mint(address, ACCOUNT_FUNDING)
    await send(token.write.approve([addresses.protocol, maxUint256], { account: address }))
  }

  /** Every account a test can send from: the conservation check sums their rewards too. */
  const rewardHolders: Address[] = [...Object.values(accounts)]

  let extraIndex = 10
  /** A new impersonated account (from anvil's mnemonic, so it can sign permits), with ETH, TKO and approval. */
  async function newAccount(): Promise<Address> {
    const account = mnemonicToAccount(ANVIL_MNEMONIC, { addressIndex: extraIndex++ })
    signers.set(account.address.toLowerCase(), account)
    rewardHolders.push(account.address)
    await testClient.setBalance({ address: account.address, value: 10n ** 22n })
    await testClient.impersonateAccount({ address: account.address })
    await fund(account.address)
    return account.address
  }

  /** The local (signing) account for an address, for EIP-712 permits. */
  function signer(address: Address) {
    const account = signers.get(address.toLowerCase())
    if (!account) throw new Error(`no key for ${address}`)
    return account
  }

  let commitments = 0

  type StakeParameters = { amount?: bigint; rewardPerGas?: bigint; capacity?: bigint }
  /** `stake(amount, R, C)` from `prover` (defaults: DEFAULT_STAKE, the initial F, DEFAULT_CAPACITY). */
  function stake(prover: Address, p: StakeParameters = {}) {
    return send(
      protocol.write.stake(
        [p.amount ?? DEFAULT_STAKE, p.rewardPerGas ?? initialFeePerGas, p.capacity ?? DEFAULT_CAPACITY],
        { account: prover },
      ),
    )
  }

  /** Proposes one block; returns its id, the receipt, the `BlockProposed` args and `getBlock`. */
  async function proposeBlock(p: { proposer?: Address; gasUsed?: bigint; commitment?: Hex } = {}) {
    const commitment = p.commitment ?? keccak256(toHex(`commitment ${++commitments}`))
    const receipt = await send(
      protocol.write.proposeBlock([Number(p.gasUsed ?? DEFAULT_GAS_USED), commitment], {
        account: p.proposer ?? accounts.proposer,
      }),
    )
    const [proposed] = parseEventLogs({
      abi: BlockProtocol.abi,
      logs: receipt.logs,
      eventName: 'BlockProposed',
    })
    if (!proposed) throw new Error('no BlockProposed event')
    const blockId = proposed.args.blockId
    const block = await protocol.read.getBlock([blockId])
    return { blockId, receipt, proposed: proposed.args, block }
  }

  /** Proposes `count` blocks; returns their ids. */
  async function proposeBlocks(count: number, p: { proposer?: Address; gasUsed?: bigint } = {}) {
    const ids: bigint[] = []
    for (let i = 0; i < count; i++) ids.push((await proposeBlock(p)).blockId)
    return ids
  }

  /** Proves one block (`proveBlock`) or several (`proveBlocks`); returns the receipt and `BlockProven` args. */
  async function prove(prover: Address, blockIds: bigint | readonly bigint[], proof: Hex = DEFAULT_PROOF) {
    const receipt = await send(
      typeof blockIds === 'bigint'
        ? protocol.write.proveBlock([blockIds, proof], { account: prover })
        : protocol.write.proveBlocks([[...blockIds], proof], { account: prover }),
    )
    const proven = parseEventLogs({
      abi: BlockProtocol.abi,
      logs: receipt.logs,
      eventName: 'BlockProven',
    }).map((log) => log.args)
    return { receipt, proven }
  }

  /**
   * The owner's config change end to end: `scheduleConfig` with the current config overridden by
   * `changes`, time moved past the delay in force, `applyConfig`. Returns the `applyConfig` receipt.
   */
  async function updateConfig(changes: Partial<PoolConfig>) {
    const current = await protocol.read.config()
    await send(protocol.write.scheduleConfig([{ ...current, ...changes }], { account: accounts.owner }))
    if (current.configDelay > 0n) await increaseTime(current.configDelay)
    return send(protocol.write.applyConfig({ account: accounts.owner }))
  }

  /** Decoded events of one name in a receipt (the protocol's and the token's ABIs). */
  function events<const name extends EventName>(
    receipt: TransactionReceipt,
    eventName: name,
  ): EventArgs<name>[] {
    return parseEventLogs({ abi: BlockProtocol.abi, logs: receipt.logs, eventName }).map(
      (log) => log.args,
    ) as EventArgs<name>[]
  }

  const pool = {
    rpcUrl,
    config,
    initialFeePerGas,
    initialAvgProofDelayMs,
    publicClient,
    testClient,
    walletClient,
    addresses,
    rewardHolders,
    token,
    protocol,
    lens,
    verifier,
    accounts,
    deployment,
    send,
    signer,
    newAccount,
    mint,
    stake,
    proposeBlock,
    proposeBlocks,
    prove,
    updateConfig,
    events,
    latestTimestamp,
    timestampOf,
    setNextTimestamp,
    increaseTime,
    mine,
    snapshot,
    revert,
    stop: async () => {
      await node.stop()
      releasePort()
    },
  }

  // Setup speed: the owner's mints go one after another (one nonce sequence), the approvals of ten
  // different senders at once.
  const mints: Hash[] = []
  for (const address of Object.values(accounts)) {
    mints.push(await token.write.mint([address, ACCOUNT_FUNDING], { account: accounts.owner }))
  }
  const approvals = await Promise.all(
    Object.values(accounts).map((address) =>
      token.write.approve([addresses.protocol, maxUint256], { account: address }),
    ),
  )
  await Promise.all([...mints, ...approvals].map((hash) => send(hash)))
  return pool
}

type EventName = Extract<(typeof BlockProtocol.abi)[number], { type: 'event' }>['name']
/** Decoded arguments of one BlockProtocol event. */
export type EventArgs<name extends EventName> = ParseEventLogsReturnType<
  typeof BlockProtocol.abi,
  name,
  true
>[number]['args']
