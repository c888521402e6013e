/**
 * The formulas of docs/contracts.md, written out again for the contract tests' expected values.
 *
 * Deliberately independent of lib/pool-math: a contract test that computed its expectation with the
 * module it is meant to check against would prove nothing. Each function is one line of the doc.
 */
import { encodeAbiParameters, type Hex, keccak256 } from 'viem'
import type { PoolConfig } from '@/lib/pool-math/config'

export const BPS = 10_000n
export const TKO = 10n ** 18n
export const MAX_UINT32 = 2n ** 32n - 1n
/** Largest R and F (Revision 2.6: 64-bit). */
export const MAX_UINT64 = 2n ** 64n - 1n

const clamp = (x: bigint, lo: bigint, hi: bigint) => (x < lo ? lo : x > hi ? hi : x)
const max = (a: bigint, b: bigint) => (a > b ? a : b)
const min = (a: bigint, b: bigint) => (a < b ? a : b)

/** `A_q`: stake counted in whole TKO (floor). */
export const quantise = (stake: bigint) => (stake / TKO) * TKO

export const effectiveRewardPerGas = (c: PoolConfig, r: bigint, f: bigint) =>
  clamp(r, (f * c.rewardFloorBps) / BPS, (f * c.rewardCapBps) / BPS)

/**
 * Selection weight; `stake` is quantised here, as the contract does. With `capacity` the prover's stated
 * (max) capacity and no eligibility check this is its *standing* weight, which eviction compares
 * (Revision 2.3); with its current capacity, for an eligible prover, the weight a proposal uses.
 */
export function weight(c: PoolConfig, stake: bigint, r: bigint, capacity: bigint, f: bigint) {
  const a = quantise(stake)
  if (a === 0n || capacity === 0n || r === 0n) return 0n
  const rw = max(r, (f * c.rewardFloorBps) / BPS)
  return (a * f * f) / (rw * rw)
}

export const rewardRange = (c: PoolConfig, f: bigint) => ({
  min: (f * c.rewardRangeMinBps) / BPS,
  max: min((f * c.rewardRangeMaxBps) / BPS, MAX_UINT64),
})

export const minStake = (c: PoolConfig, backlog: bigint) =>
  clamp(
    (c.baseMinStake * (c.targetBacklog + backlog)) / (2n * c.targetBacklog),
    c.baseMinStake / 2n,
    c.baseMinStake * 2n,
  )

export const minCapacity = (c: PoolConfig, backlog: bigint) =>
  max(
    1n,
    clamp(
      (c.baseMinCapacity * (c.targetBacklog + backlog)) / (2n * c.targetBacklog),
      c.baseMinCapacity / 2n,
      c.baseMinCapacity * 2n,
    ),
  )

export const batchSize = (c: PoolConfig, backlog: bigint) =>
  backlog < c.batchingBacklog
    ? 1n
    : clamp((backlog + c.batchDivisor - 1n) / c.batchDivisor, 2n, c.maxBatchSize)

/** The window in seconds from the average proof delay in milliseconds (floor). */
export const proofWindow = (c: PoolConfig, avgMs: bigint) =>
  clamp((avgMs * c.proofWindowMultiplier) / 1000n, c.minProofWindow, c.maxProofWindow)

/** The moving average, but at least one wei towards `R'` whenever `R' != F` (Revision 2.6). */
export function nextFeePerGas(c: PoolConfig, f: bigint, rEff: bigint) {
  const next = (f * (c.feeSmoothing - 1n) + rEff) / c.feeSmoothing
  return next === f && rEff > f ? f + 1n : next
}

/** Unit-agnostic moving average; the pool applies it to milliseconds: `next(avgMs, delaySeconds * 1000)`. */
export const nextAvgProofDelay = (c: PoolConfig, avg: bigint, delay: bigint) =>
  (avg * (c.delaySmoothing - 1n) + delay) / c.delaySmoothing

export const slashAmount = (c: PoolConfig, stake: bigint, baseReward: bigint) =>
  min(stake, max((stake * c.slashBps) / BPS, baseReward * c.minSlashRewardMultiple))

/**
 * The hard bounds no config may cross (Revision 2.1): the most a single late block can ever slash,
 * whatever the owner schedules — `min(stake, max(stake·1000/BPS, baseReward·16))`.
 */
export const HARD_BOUNDS = {
  slashBps: 1_000n,
  minSlashRewardMultiple: 16n,
  bonusBps: 5_000n,
  openRewardBps: 20_000n,
} as const
export const maxSlashAmount = (stake: bigint, baseReward: bigint) =>
  min(stake, max((stake * HARD_BOUNDS.slashBps) / BPS, baseReward * HARD_BOUNDS.minSlashRewardMultiple))

export const healthBps = (deposited: bigint, slashed: bigint) =>
  deposited === 0n ? BPS : ((deposited - slashed) * BPS) / deposited

export type ProofRewardParameters = {
  /** The block's `R'` snapshot (`F` at proposal for an open block). */
  rewardPerGas: bigint
  gasUsed: bigint
  /** `'assigned'`: the assigned prover inside its window; `'open'`: an open block or a late proof. */
  kind: 'assigned' | 'open'
  /** Proof time − proposal time, seconds. */
  delay: bigint
  /** The block's snapshot of the average delay, milliseconds. */
  avgProofDelayMs: bigint
  stabilized: boolean
}

export function proofReward(c: PoolConfig, p: ProofRewardParameters) {
  const base =
    p.kind === 'assigned' ? p.rewardPerGas * p.gasUsed : (p.rewardPerGas * p.gasUsed * c.openRewardBps) / BPS
  const performanceBonus =
    p.kind !== 'assigned'
      ? 0n
      : 2n * p.delay * 1000n <= p.avgProofDelayMs
        ? (base * c.perfBonusFastBps) / BPS
        : p.delay * 1000n <= p.avgProofDelayMs
          ? (base * c.perfBonusBps) / BPS
          : 0n
  const stabilizationBonus = p.stabilized ? (base * c.stabilizationBonusBps) / BPS : 0n
  return { base, performanceBonus, stabilizationBonus, total: base + performanceBonus + stabilizationBonus }
}

/** `uint256(keccak256(abi.encode(bytes32 parentHash, uint256 blockId)))`. */
export const selectionSeed = (parentHash: Hex, blockId: bigint) =>
  BigInt(keccak256(encodeAbiParameters([{ type: 'bytes32' }, { type: 'uint256' }], [parentHash, blockId])))

/** Index picked by `seed % total` over the cumulative weights, or `null` for an open block. */
export function selectProver(weights: readonly bigint[], seed: bigint): number | null {
  const total = weights.reduce((s, w) => s + w, 0n)
  if (total === 0n) return null
  const r = seed % total
  let acc = 0n
  for (const [i, w] of weights.entries()) {
    acc += w
    if (r < acc) return i
  }
  return null
}
