import { describe, expect, it } from 'vitest'
import { applyLeaderboardState, defaultLeaderboardState } from '@/components/leaderboard/leaderboard-data'
import { leaderboardRows } from '@/components/leaderboard/leaderboard-rows'
import { alice, bob, carol, dave, newModel, stake, TKO } from '@/lib/pool-math/model/testing'
import { previewChange } from '@/lib/pool-math/preview/previewChange'

/**
 * The leaderboard's order and lib/pool-math's `rankOf` (the stake page's rank) are one rank: equal
 * weights are broken the contract's way, in the table and in the previews alike.
 */
describe('the leaderboard ranks as lib/pool-math does', () => {
  // alice, bob and carol stake alike (equal weights, slots 1–3), dave more (the clear first).
  const model = newModel()
  for (const p of [alice, bob, carol]) stake(model, p)
  stake(model, dave, { amount: 2_000n * TKO })
  const pool = model.lens()
  const rows = applyLeaderboardState(leaderboardRows(pool), defaultLeaderboardState)

  it('has equal weights to break', () => {
    const weights = pool.provers.map((p) => p.weight)
    expect(new Set(weights.slice(0, 3)).size).toBe(1)
    expect(weights[3]).toBeGreaterThan(weights[0] ?? 0n)
  })

  it('lists ranks 1, 2, 3, … in order, ties included', () => {
    expect(rows.map((r) => r.rank)).toEqual([1, 2, 3, 4])
    // Among equals the higher slot ranks above: the contract evicts the lowest slot first.
    expect(rows.map((r) => r.address)).toEqual([dave, carol, bob, alice])
  })

  it('gives each prover the rank its stake page shows (previewChange)', () => {
    for (const r of rows) expect(previewChange({ pool, prover: r.address }).before.rank).toBe(r.rank)
  })
})
