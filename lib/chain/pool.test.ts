import { describe, expect, it } from 'vitest'
import { demoConfig, demoInitialState, STAKE_UNIT } from '@/lib/pool-math/config'
import { PoolModel } from '@/lib/pool-math/model/PoolModel'
import { normalizePool, toPoolView } from './pool'

const alice = '0x00000000000000000000000000000000000A11cE'
const bob = '0x0000000000000000000000000000000000000B0b'
const proposer = '0x000000000000000000000000000000000000beef'

/** A lens result (active provers only: bob has exited) with a block in flight, as PoolModel reports it. */
function lensResult() {
  const model = new PoolModel({ config: demoConfig, ...demoInitialState, now: 1_000n })
  const rewardPerGas = demoInitialState.feePerGas
  model.stake({ prover: alice, amount: 2_000n * STAKE_UNIT, rewardPerGas, capacity: 4n, now: 1_001n })
  model.stake({ prover: bob, amount: 1_500n * STAKE_UNIT, rewardPerGas, capacity: 3n, now: 1_002n })
  model.requestExit({ prover: bob, now: 1_003n })
  model.proposeBlock({
    proposer,
    gasUsed: 1_000_000n,
    commitment: `0x${'22'.repeat(32)}`,
    parentHash: `0x${'11'.repeat(32)}`,
    now: 1_004n,
  })
  return model.lens({ chainBlockNumber: 42n, chainTimestamp: 1_004n })
}

describe('the lens result in the dashboard’s words and back', () => {
  it('turns statuses and reasons into words', () => {
    const pool = normalizePool(lensResult())
    expect(pool.provers.map((p) => [p.address, p.status, p.slot])).toEqual([[alice, 'active', 1]])
    expect(pool.stakerCount).toBe(2n)
    expect(pool.emergencyReason).toBe('none')
    expect(pool.blockNumber).toBe(42n)
  })

  it('gives back exactly the lens result (toPoolView inverts normalizePool)', () => {
    const raw = lensResult()
    expect(toPoolView(normalizePool(raw))).toEqual(raw)
  })
})
