/**
 * Records the logs of a short, scripted run of the core on a fresh anvil (every event the indexer
 * stores: stakes, an eviction, R and C changes, an exit and withdrawals, in-window, late and batched
 * proofs, slashes, owed rewards and their payment, claims, an emergency episode, config changes), with
 * the lens's view of every staker and of the pool at the end. The handler tests replay the logs into
 * PGlite and PostgreSQL and compare the tables with the lens.
 *
 *   npx tsx scripts/indexer/record-logs.ts   → indexer/test/fixtures/core-logs.json
 *
 * Run it again when the core's events change.
 */
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Address } from 'viem'
import { TKO } from '../../test/support/expected'
import { deployPool } from '../../test/support/pool'

const out = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../indexer/test/fixtures/core-logs.json',
)

const pool = await deployPool({ treasuryFunding: 0n })
try {
  const { alice, bob, carol, dave, erin, proposer, owner } = pool.accounts
  const { protocol } = pool
  const F = pool.initialFeePerGas

  /** Proves every unproven block: by its assigned prover inside the window, else by `proposer` (anyone). */
  async function proveAll(ids: bigint[]) {
    for (const id of ids) {
      const b = await protocol.read.getBlock([id])
      if (b.proven) continue
      const now = await pool.latestTimestamp()
      const inWindow = !b.open && now + 1n <= b.proposedAt + b.proofWindow
      await pool.prove(inWindow ? b.assignedProver : proposer, id)
    }
  }

  // R above F: rewards exceed the fees paid in, so the small treasury runs short (owed rewards).
  const R = (F * 15n) / 10n
  await pool.stake(alice, { amount: 2_000n * TKO, rewardPerGas: R })
  await pool.stake(bob, { amount: 1_500n * TKO, rewardPerGas: R })
  await pool.stake(carol, { amount: 1_200n * TKO, rewardPerGas: R })
  await pool.stake(dave, { amount: 1_000n * TKO, rewardPerGas: R })

  // In-window proofs (the small treasury runs out: rewards become owed).
  for (let i = 0; i < 3; i++) {
    const { blockId } = await pool.proposeBlock()
    await pool.increaseTime(2)
    await proveAll([blockId])
  }

  // A missed window: proven late by someone else, the assigned prover slashed.
  const late = await pool.proposeBlock()
  await pool.increaseTime(200)
  await pool.prove(proposer, late.blockId)

  // A better stake evicts the weakest; R and C change after the cooldown.
  await pool.stake(erin, { amount: 3_000n * TKO, rewardPerGas: R })
  await pool.send(protocol.write.changeRewardPerGas([(F * 14n) / 10n], { account: bob }))
  await pool.send(protocol.write.changeCapacity([6n], { account: bob }))
  await pool.send(protocol.write.topUp([500n * TKO], { account: alice }))

  // An exit, and withdrawals once the exit delay has passed.
  await pool.send(protocol.write.requestExit({ account: carol }))
  await pool.increaseTime(301)
  for (const who of [carol, dave] as Address[]) {
    const s = await protocol.read.getStaker([who])
    if (s.exitAmount > 0n) await pool.send(protocol.write.withdraw({ account: who }))
  }

  // A batch: backlog 4 allows batches of 2; with 3 active provers two of 4 blocks share a prover.
  const four = await pool.proposeBlocks(4)
  const byProver = new Map<string, bigint[]>()
  for (const id of four) {
    const b = await protocol.read.getBlock([id])
    const key = b.assignedProver
    byProver.set(key, [...(byProver.get(key) ?? []), id])
  }
  const [batchProver, batchIds] = [...byProver.entries()].find(([, ids]) => ids.length >= 2)!
  await pool.prove(batchProver as Address, batchIds.slice(0, 2))
  await proveAll(four)

  // Congestion: the backlog reaches congestionBacklog, emergency mode opens, proofs drain it again.
  const backlog: bigint[] = []
  while (!(await protocol.read.isEmergency())) backlog.push((await pool.proposeBlock()).blockId)
  backlog.push(...(await pool.proposeBlocks(1)))
  await pool.increaseTime(1)
  await proveAll(backlog)

  // Claims: one from the short treasury, then the treasury refilled and owed rewards paid.
  await pool.send(protocol.write.claimRewards({ account: alice }))
  await pool.send(protocol.write.fundTreasury([100n * TKO], { account: owner }))
  for (const who of [bob, erin, alice, proposer] as Address[]) {
    const s = await protocol.read.getStaker([who])
    const [claimable, owed] = [s.rewards, s.owedRewards]
    if (claimable + owed > 0n) await pool.send(protocol.write.claimRewards({ account: who }))
  }

  // Config: one change applied, one scheduled and cancelled.
  await pool.updateConfig({ maxExitsPerDay: 3n })
  const current = await protocol.read.config()
  await pool.send(protocol.write.scheduleConfig([{ ...current, maxExitsPerDay: 4n }], { account: owner }))
  await pool.send(protocol.write.cancelConfig({ account: owner }))

  // A last open proposal left unproven, so the history ends with a pending block.
  await pool.proposeBlock()

  const head = await pool.publicClient.getBlockNumber()
  const logs = await pool.publicClient.getLogs({
    address: pool.addresses.protocol,
    fromBlock: pool.deployment.deployBlock,
    toBlock: head,
  })
  const timestamps = new Map<bigint, bigint>()
  for (const log of logs) {
    if (!timestamps.has(log.blockNumber))
      timestamps.set(
        log.blockNumber,
        (await pool.publicClient.getBlock({ blockNumber: log.blockNumber })).timestamp,
      )
  }
  const [stakers] = await pool.lens.read.getStakers([pool.addresses.protocol, 0n, 100n], {
    blockNumber: head,
  })
  const view = await pool.lens.read.getPool([pool.addresses.protocol], { blockNumber: head })
  const json = JSON.stringify(
    {
      note: 'Recorded by scripts/indexer/record-logs.ts; replayed by indexer/test/handlers.test.ts.',
      protocol: pool.addresses.protocol,
      deployBlock: pool.deployment.deployBlock,
      head,
      logs: logs.map((l) => ({
        blockNumber: l.blockNumber,
        timestamp: timestamps.get(l.blockNumber),
        transactionHash: l.transactionHash,
        logIndex: l.logIndex,
        topics: l.topics,
        data: l.data,
      })),
      lens: {
        stakers,
        pool: {
          nextBlockId: view.nextBlockId,
          backlog: view.backlog,
          feePerGas: view.feePerGas,
          avgProofDelayMs: view.avgProofDelayMs,
          emergency: view.emergency,
          totalOwed: view.totalOwed,
          stakerCount: view.stakerCount,
          configVersion: view.configVersion,
        },
      },
    },
    (_k, v) => (typeof v === 'bigint' ? v.toString() : v),
    1,
  )
  writeFileSync(out, `${json}\n`)
  console.log(`recorded ${logs.length} logs up to block ${head} → ${path.relative(process.cwd(), out)}`)
} finally {
  await pool.stop()
}
