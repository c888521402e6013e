/**
 * Gas benchmark: a fresh anvil on port 8591, a fresh deployment, real receipts' gasUsed per operation.
 * Writes reports/gas.json (op → gasUsed), prints a table and enforces the selection budget:
 *
 *   proposeBlock.assigned.32 − proposeBlock.open ≤ 40,000 gas
 *
 * Like for like: every proposal measured uses a fresh, non-first block id, emergency mode off, a proposer
 * and treasury with non-zero balances; "open" has no active prover (no slot is read), "assigned.N" has N.
 *
 *   npx tsx scripts/gas.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  type Address,
  type Chain,
  createPublicClient,
  createTestClient,
  createWalletClient,
  type Hex,
  http,
  maxUint256,
} from 'viem'
import { type HDAccount, mnemonicToAccount } from 'viem/accounts'
import { foundry } from 'viem/chains'
import { BlockProtocol, TaikoToken } from '../contracts-abi'
import { defaultConfig, defaultInitialState, type PoolConfig } from '../lib/pool-math/config'
import { permitSignatureParts, permitTypedData } from '../lib/wallet/permit'
import { startAnvil } from './lib/anvil'
import { deployContracts } from './lib/deploy-core'

const PORT = 8591
const BUDGET = 40_000n
const MNEMONIC = 'test test test test test test test test test test test junk'
const ACCOUNTS = 48
const TKO = 10n ** 18n
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

type Ctx = {
  rpcUrl: string
  chain: Chain
  accounts: HDAccount[]
}

function clients(ctx: Ctx) {
  const transport = http(ctx.rpcUrl)
  return {
    publicClient: createPublicClient({ chain: ctx.chain, transport }),
    testClient: createTestClient({ chain: ctx.chain, mode: 'anvil', transport }),
  }
}

async function send(
  ctx: Ctx,
  from: HDAccount,
  address: Address,
  abi: typeof BlockProtocol.abi | typeof TaikoToken.abi,
  functionName: string,
  args: readonly unknown[] = [],
): Promise<bigint> {
  const { publicClient } = clients(ctx)
  const wallet = createWalletClient({ chain: ctx.chain, account: from, transport: http(ctx.rpcUrl) })
  const { request } = await publicClient.simulateContract({
    account: from,
    address,
    abi,
    functionName,
    args,
  } as Parameters<typeof publicClient.simulateContract>[0])
  const hash = await wallet.writeContract(request as Parameters<typeof wallet.writeContract>[0])
  const receipt = await publicClient.waitForTransactionReceipt({ hash })
  if (receipt.status !== 'success') throw new Error(`${functionName} reverted`)
  return receipt.gasUsed
}

async function deployFor(ctx: Ctx, config: PoolConfig) {
  const deployment = await deployContracts({
    rpcUrl: ctx.rpcUrl,
    privateKey: deployerKey(),
    config,
    initialFeePerGas: defaultInitialState.feePerGas,
    initialAvgProofDelayMs: defaultInitialState.avgProofDelayMs,
    treasuryFunding: 1_000_000n * TKO,
    mintTo: ctx.accounts.slice(1).map((a) => ({ address: a.address, amount: 1_000_000n * TKO })),
  })
  const { token, protocol } = deployment.addresses
  for (const account of ctx.accounts.slice(1)) {
    await send(ctx, account, token, TaikoToken.abi, 'approve', [protocol, maxUint256])
  }
  return { token, protocol }
}

function deployerKey(): Hex {
  const key = mnemonicToAccount(MNEMONIC, { addressIndex: 0 }).getHdKey().privateKey
  if (!key) throw new Error('no private key for account 0')
  return `0x${Buffer.from(key).toString('hex')}`
}

async function permitSignature(ctx: Ctx, owner: HDAccount, token: Address, spender: Address, value: bigint) {
  const { publicClient } = clients(ctx)
  const nonce = await publicClient.readContract({
    address: token,
    abi: TaikoToken.abi,
    functionName: 'nonces',
    args: [owner.address],
  })
  const domain = await publicClient.readContract({
    address: token,
    abi: TaikoToken.abi,
    functionName: 'eip712Domain',
  })
  const deadline = maxUint256
  const signature = await owner.signTypedData(
    permitTypedData({ domain, owner: owner.address, spender, value, nonce, deadline }),
  )
  return { deadline, ...permitSignatureParts(signature) }
}

async function main(): Promise<void> {
  const anvil = await startAnvil({ port: PORT, args: ['--accounts', String(ACCOUNTS)] })
  const gas: Record<string, bigint> = {}
  try {
    const ctx: Ctx = {
      rpcUrl: anvil.rpcUrl,
      chain: foundry,
      accounts: Array.from({ length: ACCOUNTS }, (_, i) => mnemonicToAccount(MNEMONIC, { addressIndex: i })),
    }
    const { publicClient, testClient } = clients(ctx)
    const acct = (i: number) => ctx.accounts[i]!
    const proposer = acct(40)
    const outsider = acct(41)

    // ---- Main deployment: production config -------------------------------------------------------
    const { token, protocol } = await deployFor(ctx, defaultConfig)
    const call = (from: HDAccount, fn: string, args: readonly unknown[] = []) =>
      send(ctx, from, protocol, BlockProtocol.abi, fn, args)
    const read = <T>(fn: string, args: readonly unknown[] = []) =>
      publicClient.readContract({
        address: protocol,
        abi: BlockProtocol.abi,
        functionName: fn,
        args,
      } as Parameters<typeof publicClient.readContract>[0]) as Promise<T>
    const fee = await read<bigint>('feePerGas')
    const stakeAmount = (i: number) => 20_000n * TKO + BigInt(i) * TKO

    // Open proposals: no active prover. Block 1 warms up; block 2 is measured.
    await call(proposer, 'proposeBlock', [1_000_000])
    gas['proposeBlock.open'] = await call(proposer, 'proposeBlock', [1_000_000])

    // One active prover → assigned.1 (block 3).
    await call(acct(1), 'stake', [stakeAmount(1), fee, 8n])
    gas['proposeBlock.assigned.1'] = await call(proposer, 'proposeBlock', [1_000_000])

    // A typical join into a free slot (not the first stake of the pool), and the same with a permit.
    gas.stake = await call(acct(2), 'stake', [stakeAmount(2), fee, 8n])
    const permit = await permitSignature(ctx, acct(3), token, protocol, stakeAmount(3))
    gas.stakeWithPermit = await call(acct(3), 'stakeWithPermit', [
      stakeAmount(3),
      fee,
      8n,
      permit.deadline,
      permit.v,
      permit.r,
      permit.s,
    ])
    for (let i = 4; i <= 32; i++) await call(acct(i), 'stake', [stakeAmount(i), fee, 8n])

    // 32 active provers → assigned.32 (block 4).
    gas['proposeBlock.assigned.32'] = await call(proposer, 'proposeBlock', [1_000_000])

    // A newcomer beating the lowest weight evicts it.
    gas['stake.evicting'] = await call(acct(33), 'stake', [stakeAmount(33) * 2n, fee, 8n])

    // In-window proof by the assigned prover of block 4.
    const assignedOf = async (blockId: bigint) => {
      const info = await read<{ assignedProver: Address }>('getBlock', [blockId])
      const account = ctx.accounts.find((a) => a.address.toLowerCase() === info.assignedProver.toLowerCase())
      if (!account) throw new Error(`block ${blockId} has no assigned prover among the test accounts`)
      return account
    }
    await call(proposer, 'proposeBlock', [1_000_000]) // block 5, proven late below
    const prover4 = await assignedOf(4n)
    gas['proveBlock.inWindow'] = await call(prover4, 'proveBlock', [4n, '0x01'])

    // Late proof of block 5 by an outsider: slashes the assigned prover.
    const block5 = await read<{ proposedAt: bigint; proofWindow: bigint }>('getBlock', [5n])
    await testClient.setNextBlockTimestamp({ timestamp: block5.proposedAt + block5.proofWindow + 1n })
    await testClient.mine({ blocks: 1 })
    gas['proveBlock.late'] = await call(outsider, 'proveBlock', [5n, '0x01'])

    // Claim, exit, withdraw.
    gas.claimRewards = await call(prover4, 'claimRewards')
    const exiting = prover4.address === acct(10).address ? acct(11) : acct(10)
    gas.requestExit = await call(exiting, 'requestExit')
    await testClient.increaseTime({ seconds: Number(defaultConfig.exitDelay) + 1 })
    await testClient.mine({ blocks: 1 })
    gas.withdraw = await call(exiting, 'withdraw')

    // ---- Batch deployment: one prover, batching from a backlog of 8 ---------------------------------
    const batchConfig: PoolConfig = {
      ...defaultConfig,
      batchingBacklog: 8n,
      batchDivisor: 1n,
      maxBatchSize: 16n,
    }
    const batch = await deployFor(ctx, batchConfig)
    const callBatch = (from: HDAccount, fn: string, args: readonly unknown[] = []) =>
      send(ctx, from, batch.protocol, BlockProtocol.abi, fn, args)
    await callBatch(acct(1), 'stake', [stakeAmount(1), fee, 16n])
    for (let i = 0; i < 10; i++) await callBatch(proposer, 'proposeBlock', [1_000_000])
    gas['proveBlocks.batch8'] = await callBatch(acct(1), 'proveBlocks', [
      [1n, 2n, 3n, 4n, 5n, 6n, 7n, 8n],
      '0x01',
    ])
  } finally {
    await anvil.stop()
  }

  const ordered = Object.fromEntries(Object.entries(gas).sort(([a], [b]) => a.localeCompare(b)))
  const dir = path.join(root, 'reports')
  mkdirSync(dir, { recursive: true })
  writeFileSync(
    path.join(dir, 'gas.json'),
    `${JSON.stringify(Object.fromEntries(Object.entries(ordered).map(([k, v]) => [k, Number(v)])), null, 2)}\n`,
  )

  const width = Math.max(...Object.keys(ordered).map((k) => k.length))
  console.log(`${'operation'.padEnd(width)}  gasUsed`)
  console.log(`${'-'.repeat(width)}  ${'-'.repeat(9)}`)
  for (const [op, used] of Object.entries(ordered)) {
    console.log(`${op.padEnd(width)}  ${used.toLocaleString('en-US').padStart(9)}`)
  }
  console.log('\nwrote reports/gas.json')

  const open = gas['proposeBlock.open']
  const assigned = gas['proposeBlock.assigned.32']
  if (open === undefined || assigned === undefined) throw new Error('missing proposal measurements')
  const delta = assigned - open
  const verdict = delta <= BUDGET ? 'within' : 'OVER'
  console.log(
    `\nbudget: proposeBlock.assigned.32 − proposeBlock.open = ${delta.toLocaleString('en-US')} gas ` +
      `(${verdict} the ${BUDGET.toLocaleString('en-US')} budget)`,
  )
  if (delta > BUDGET) process.exit(1)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
