/**
 * A long history on demand (`npm start -- --history N`): N L2 blocks proposed and proven before the
 * bots start, a few hundred per anvil block, so a mature pool is there in seconds to minutes.
 *
 * Anvil recomputes its state root over the whole state for every block it mines (an empty block takes
 * 3 ms on a fresh chain and 60 ms after 15,000 L2 blocks), so the rate depends on mining few, full
 * blocks. A block can only be proven once its prover is known, and the prover is drawn on chain from
 * `blockhash(parent)` and the block id: the generator plans each round on `PoolModel` (lib/pool-math,
 * held equal to the contracts by the differential and model tests) from the parent it builds on, so it
 * knows every assignment before sending. One round is one anvil block: the previous round's carried-over
 * proofs, then proposals each followed at once by its proof or left for the next round (a proof delay of
 * one round), now and then a block left to miss its window and proven late by the racer (its prover
 * slashed). Transactions carry strictly decreasing tips, so anvil executes them in the planned order; the
 * round's logs are checked against the plan. Automine is off while it runs; every prover sends its own
 * proofs (anvil impersonates the demo accounts). Varied gas per block.
 */
import {
  type Address,
  encodeFunctionData,
  type Hex,
  keccak256,
  maxUint256,
  numberToHex,
  parseEventLogs,
  toHex,
  zeroAddress,
} from 'viem'
import { BlockProtocol, TaikoToken } from '../../contracts-abi'
import { readPool } from '../../lib/chain/pool'
import { createReadClient } from '../../lib/chain/read-client'
import { DEPLOYER_INDEX, devAccount, PROPOSER_INDEX, RACER_INDEX } from '../../lib/network/accounts'
import { PoolModel } from '../../lib/pool-math'
import { max } from '../../lib/pool-math/internal/minMax'

export type GenerateHistoryParameters = {
  rpcUrl: string
  addresses: { token: Address; protocol: Address; lens: Address }
  /** L2 blocks to propose and prove. */
  blocks: number
  /** Proposals per anvil block. */
  perRound?: number
  /** About one block in this many misses its window (proven late by the racer, its prover slashed). */
  lateEvery?: number
  /** Chain seconds between two rounds' anvil blocks (the delay of a proof left for the next round). */
  secondsPerRound?: number
  minGasPerBlock: bigint
  /** Seconds between interval-mined blocks to restore afterwards (npm start's anvil mines every second). */
  restoreIntervalMining?: number
  onProgress?: (done: number, total: number, blocksPerSecond: number) => void
}

type RpcCall = { method: string; params: unknown[] }

async function rpc(url: string, calls: RpcCall[]): Promise<unknown[]> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(calls.map((c, id) => ({ jsonrpc: '2.0', id, ...c }))),
  })
  const answers = (await response.json()) as { id: number; result?: unknown; error?: { message: string } }[]
  const byId = new Map(answers.map((a) => [a.id, a]))
  return calls.map((c, id) => {
    const a = byId.get(id)
    if (!a || a.error) throw new Error(`${c.method}: ${a?.error?.message ?? 'no answer'}`)
    return a.result
  })
}

/** Proofs left for the next round, on average: the backlog stays well under the congestion threshold. */
const CARRIED_PER_ROUND = 12
/** Proposers besides the demo's own (synthetic addresses, impersonated). */
const EXTRA_PROPOSERS = 19
/** Gas limit of the generator's blocks: a round of a few hundred proposals and proofs fits. */
const ROUND_GAS_LIMIT = 2_000_000_000n
/** The gas limit anvil starts with, restored afterwards. */
const DEFAULT_GAS_LIMIT = 30_000_000n
const MAX_FEE = 100_000_000_000n // 100 gwei: far above the base fee, which falls while blocks stay under target

/** Proposes and proves `blocks` L2 blocks; returns how long it took (ms) and how many were proven late. */
export async function generateHistory(p: GenerateHistoryParameters): Promise<{ ms: number; late: number }> {
  const { rpcUrl, addresses } = p
  const perRound = p.perRound ?? 400
  const lateEvery = p.lateEvery ?? 400
  const secondsPerRound = BigInt(p.secondsPerRound ?? 4)
  // Several proposers take turns: each sender's transactions go one request at a time (below), so a
  // round's depth is its proposals divided among them.
  const proposers = [
    devAccount(PROPOSER_INDEX).address,
    ...Array.from({ length: EXTRA_PROPOSERS }, (_, k) => numberToHex(0xa001 + k, { size: 20 }) as Address),
  ]
  const racer = devAccount(RACER_INDEX).address
  const deployer = devAccount(DEPLOYER_INDEX).address

  // Explicit nonces: anvil may handle a batch's requests concurrently, and only this loop sends meanwhile.
  const nonces = new Map<string, bigint>()
  const loadNonces = async (senders: readonly Address[]) => {
    const missing = [...new Set(senders.map((a) => a.toLowerCase()))].filter((a) => !nonces.has(a))
    if (missing.length === 0) return
    const counts = (await rpc(
      rpcUrl,
      missing.map((a) => ({ method: 'eth_getTransactionCount', params: [a, 'pending'] })),
    )) as Hex[]
    missing.forEach((a, i) => {
      nonces.set(a, BigInt(counts[i]!))
    })
  }
  /** A transaction from `from`; `tip` orders it within its block (higher first). */
  const send = (from: Address, to: Address, data: Hex, gas: bigint, tip = 1_000_000_000n): RpcCall => {
    const key = from.toLowerCase()
    const nonce = nonces.get(key)
    if (nonce === undefined) throw new Error(`no nonce loaded for ${from}`)
    nonces.set(key, nonce + 1n)
    return {
      method: 'eth_sendTransaction',
      params: [
        {
          from,
          to,
          data,
          gas: numberToHex(gas),
          nonce: numberToHex(nonce),
          maxPriorityFeePerGas: numberToHex(tip),
          maxFeePerGas: numberToHex(MAX_FEE + tip),
        },
      ],
    }
  }
  // Only this generator mines meanwhile: no automine, no interval mining; full rounds fit in a block.
  await rpc(rpcUrl, [
    { method: 'evm_setAutomine', params: [false] },
    { method: 'evm_setIntervalMining', params: [0] },
    { method: 'evm_setBlockGasLimit', params: [numberToHex(ROUND_GAS_LIMIT)] },
  ])
  await loadNonces([...proposers, racer, deployer])

  // Gas money, enough TKO for every proposal fee, and the allowance for each proposer.
  await rpc(rpcUrl, [
    { method: 'anvil_autoImpersonateAccount', params: [true] },
    ...proposers.map((a) => ({ method: 'anvil_setBalance', params: [a, numberToHex(10n ** 24n)] })),
  ])
  for (const proposer of proposers) {
    await rpc(rpcUrl, [
      send(
        deployer,
        addresses.token,
        encodeFunctionData({ abi: TaikoToken.abi, functionName: 'mint', args: [proposer, 10n ** 30n] }),
        200_000n,
      ),
    ])
    await rpc(rpcUrl, [
      send(
        proposer,
        addresses.token,
        encodeFunctionData({
          abi: TaikoToken.abi,
          functionName: 'approve',
          args: [addresses.protocol, maxUint256],
        }),
        200_000n,
      ),
    ])
  }
  // One block for all of it, mined here: nothing is mined behind the reads that follow.
  await rpc(rpcUrl, [{ method: 'evm_mine', params: [] }])

  const latestBlock = async () =>
    (
      (await rpc(rpcUrl, [{ method: 'eth_getBlockByNumber', params: ['latest', false] }])) as [
        { number: Hex; hash: Hex; timestamp: Hex },
      ]
    )[0]
  // The pool as the lens sees it, as the model to plan on: no block may be outstanding yet.
  // (anvil's chain id: the generator impersonates accounts, so it only ever runs on anvil)
  const view = await readPool(createReadClient({ chainId: 31_337, rpcUrl }), addresses)
  if (view.backlog !== 0n) {
    throw new Error(`the history starts on a pool with no block outstanding; this one has ${view.backlog}`)
  }
  const model = PoolModel.fromView(view)
  // Outstanding blocks stay under half the congestion backlog: a late proof above it starts the
  // prover-failure emergency, and at the congestion backlog every block would be open.
  const backlogLimit = view.config.congestionBacklog / 2n - 1n

  const started = Date.now()
  let done = 0
  let late = 0
  let seed = 7
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31
    return seed / 2 ** 31
  }
  /** Blocks whose proof waits for a later round: the next one, or (late) once their window has passed. */
  const carried: { blockId: bigint; prover: Address }[] = []
  const pendingLate: { blockId: bigint; deadline: bigint }[] = []

  /**
   * One round, one anvil block at `now`: the carried-over proofs, the late blocks whose window has
   * passed (all of them when `final`), then `n` proposals, each proven at once or carried to the next round.
   */
  const round = async (n: number, now: bigint, parentHash: Hex, final: boolean) => {
    // What this round sends, in execution order; tips fall by one wei per transaction.
    const plan: { from: Address; data: Hex; gas: bigint }[] = []
    const prove = (blockId: bigint, prover: Address) => {
      model.proveBlocks({ prover, blockIds: [blockId], now })
      plan.push({
        from: prover,
        data: encodeFunctionData({
          abi: BlockProtocol.abi,
          functionName: 'proveBlock',
          args: [blockId, '0x01'],
        }),
        gas: 500_000n,
      })
    }
    for (const c of carried.splice(0)) prove(c.blockId, c.prover)
    while (pendingLate.length > 0 && (final || pendingLate[0]!.deadline < now)) {
      prove(pendingLate.shift()!.blockId, racer)
      late++
    }
    const proposed: { blockId: bigint; prover: Address }[] = []
    for (let i = 0; i < n; i++) {
      const gasUsed = p.minGasPerBlock + BigInt(Math.floor(random() * 4_000_000))
      const commitment = keccak256(toHex(`history ${done + i}`))
      const proposer = proposers[i % proposers.length]!
      const r = model.proposeBlock({ proposer, gasUsed, commitment, parentHash, now })
      plan.push({
        from: proposer,
        data: encodeFunctionData({
          abi: BlockProtocol.abi,
          functionName: 'proposeBlock',
          args: [Number(gasUsed), commitment],
        }),
        gas: 600_000n,
      })
      const prover = r.open ? racer : r.assignedProver
      proposed.push({ blockId: r.blockId, prover })
      // Left outstanding (late or for the next round) only while the backlog stays clear of congestion.
      const room = model.backlog < backlogLimit
      if (room && !r.open && random() * lateEvery < 1) {
        pendingLate.push({ blockId: r.blockId, deadline: now + model.getBlock(r.blockId).proofWindow })
      } else if (room && random() * n < CARRIED_PER_ROUND) {
        carried.push({ blockId: r.blockId, prover })
      } else {
        prove(r.blockId, prover)
      }
    }
    await loadNonces(plan.map((t) => t.from))
    const top = 1_000_000_000n + BigInt(plan.length)
    // Each sender's transactions one request at a time, in nonce order (senders side by side), and
    // mined only once all are in: anvil answers a batch's requests concurrently, and a sender's
    // transactions arriving out of nonce order can be left out of the block
    // (foundry-rs/foundry#10122), which the check below would report.
    const bySender = new Map<string, RpcCall[]>()
    for (const [i, t] of plan.entries()) {
      const sequence = bySender.get(t.from.toLowerCase()) ?? []
      sequence.push(send(t.from, addresses.protocol, t.data, t.gas, top - BigInt(i)))
      bySender.set(t.from.toLowerCase(), sequence)
    }
    await rpc(rpcUrl, [{ method: 'evm_setNextBlockTimestamp', params: [numberToHex(now)] }])
    await Promise.all(
      [...bySender.values()].map(async (sequence) => {
        for (const call of sequence) await rpc(rpcUrl, [call])
      }),
    )
    await rpc(rpcUrl, [{ method: 'evm_mine', params: [] }])
    // The block must be the plan: every transaction in it, every proposal assigned as planned.
    const head = await latestBlock()
    const [logs] = (await rpc(rpcUrl, [
      {
        method: 'eth_getLogs',
        params: [{ address: addresses.protocol, fromBlock: head.number, toBlock: head.number }],
      },
    ])) as [Parameters<typeof parseEventLogs>[0]['logs']]
    const proposals = parseEventLogs({ abi: BlockProtocol.abi, logs, eventName: 'BlockProposed' })
    const proofs = parseEventLogs({ abi: BlockProtocol.abi, logs, eventName: 'BlockProven' })
    const plannedProofs = plan.length - proposed.length
    if (proposals.length !== proposed.length || proofs.length !== plannedProofs) {
      const [count, pool] = (await rpc(rpcUrl, [
        { method: 'eth_getBlockTransactionCountByNumber', params: [head.number] },
        { method: 'txpool_status', params: [] },
      ])) as [Hex, { pending: Hex; queued: Hex }]
      throw new Error(
        `history: block ${BigInt(head.number)} was planned with ${proposed.length} proposals and ` +
          `${plannedProofs} proofs and holds ${proposals.length} and ${proofs.length}: ${BigInt(count)} of ` +
          `${plan.length} transactions mined (the rest reverted), ${BigInt(pool.pending)} still pending`,
      )
    }
    proposals.forEach((log, i) => {
      const want = proposed[i]!
      const got = log.args.assignedProver === zeroAddress ? racer : log.args.assignedProver
      if (log.args.blockId !== want.blockId || got.toLowerCase() !== want.prover.toLowerCase()) {
        throw new Error(
          `history: block ${log.args.blockId} went to ${got}; the model planned block ${want.blockId} for ${want.prover}`,
        )
      }
    })
  }

  try {
    while (done < p.blocks) {
      const n = Math.min(perRound, p.blocks - done)
      const parent = await latestBlock()
      await round(n, BigInt(parent.timestamp) + secondsPerRound, parent.hash, false)
      done += n
      p.onProgress?.(done, p.blocks, (done * 1000) / Math.max(1, Date.now() - started))
    }
    // The last proofs: what the last round carried over, then the late blocks once their window is over.
    if (carried.length > 0) {
      const parent = await latestBlock()
      await round(0, BigInt(parent.timestamp) + secondsPerRound, parent.hash, false)
    }
    if (pendingLate.length > 0) {
      const parent = await latestBlock()
      const after = BigInt(parent.timestamp) + secondsPerRound
      // Windows differ (they follow the average proof delay): past the longest one.
      const lastDeadline = pendingLate.reduce((longest, b) => max(longest, b.deadline), 0n)
      await round(0, max(after, lastDeadline + 1n), parent.hash, true)
    }
  } finally {
    await rpc(rpcUrl, [
      { method: 'evm_setBlockGasLimit', params: [numberToHex(DEFAULT_GAS_LIMIT)] },
      { method: 'evm_setAutomine', params: [true] },
      ...(p.restoreIntervalMining
        ? [{ method: 'evm_setIntervalMining', params: [p.restoreIntervalMining] }]
        : []),
      { method: 'anvil_autoImpersonateAccount', params: [false] },
    ])
  }
  return { ms: Date.now() - started, late }
}
