import type { Address } from 'viem'
import { type PoolError, PoolModel, PoolModelError, type PoolView, previewChange } from '@/lib/pool-math'

/**
 * Previews lib/pool-math does not export as such, composed from its `PoolModel` transitions on a copy of
 * the lens read (so the rules, cooldowns and limits are the model's, never a second formula here).
 */

/** When a cooldown blocks a change of R (`'reward'`) or C (`'capacity'`): its end, else `null`. */
export function cooldownEnd(
  pool: PoolView,
  prover: Address,
  kind: 'reward' | 'capacity',
  current: { rewardPerGas: bigint; capacity: bigint },
): bigint | null {
  // The model checks the cooldown before the range, so restating the current value probes only the cooldown.
  const { error } = previewChange(
    kind === 'reward'
      ? { pool, prover, rewardPerGas: current.rewardPerGas }
      : { pool, prover, capacity: current.capacity === 0n ? 1n : current.capacity }, // 0 skips the cooldown
  )
  return error?.name === 'ProverPoolCooldownActive' ? error.args[0] : null
}

export type ExitPreview = {
  /** Why `requestExit` would revert now (e.g. the daily limit), else `null`. */
  error: PoolError | null
  /** Queued for withdrawal afterwards (wei) and when it unlocks. */
  exitAmount: bigint
  unlocksAt: bigint
}

/** What `requestExit()` would do now: `PoolModel.requestExit` on a copy of the pool. */
export function previewExit(pool: PoolView, prover: Address): ExitPreview {
  const model = PoolModel.fromView(pool).clone()
  try {
    model.requestExit({ prover, now: pool.chainTimestamp })
    const after = model.getStaker(prover)
    return { error: null, exitAmount: after.exitAmount, unlocksAt: after.exitUnlocksAt }
  } catch (error) {
    if (!(error instanceof PoolModelError)) throw error
    const before = model.getStaker(prover)
    return { error: error.error, exitAmount: before.exitAmount, unlocksAt: before.exitUnlocksAt }
  }
}
