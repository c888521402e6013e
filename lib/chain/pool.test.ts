import { createClient, custom, decodeFunctionData, encodeFunctionResult } from 'viem'
import { foundry } from 'viem/chains'
import { describe, expect, it } from 'vitest'
import { proverStatusWord } from '@/lib/format/status'
import { demoConfig, demoInitialState } from '@/lib/pool-math/config'
import { STAKE_UNIT } from '@/lib/pool-math/constants'
import { PoolModel } from '@/lib/pool-math/model/PoolModel'
import { StakerStatus } from '@/lib/pool-math/types'
import { poolLensAbi } from './abi'
import { readPool } from './pool'
import { readLensStakers } from './stakers'

const alice = '0x00000000000000000000000000000000000A11cE'
const bob = '0x0000000000000000000000000000000000000B0b'
const proposer = '0x000000000000000000000000000000000000beef'
const lens = '0x00000000000000000000000000000000000001e5'
const protocol = '0x0000000000000000000000000000000000000c0e'

/** A pool (bob has exited) with a block in flight, as PoolModel, the contracts' mirror, reports it. */
function pool() {
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
  return model
}

/** A client whose node answers the lens's `eth_call`s from the model, ABI-encoded as the lens would. */
function lensClient(model: PoolModel) {
  const calls: unknown[] = []
  const client = createClient({
    chain: foundry,
    transport: custom({
      async request({ method, params }) {
        if (method !== 'eth_call') throw new Error(`unexpected ${method}`)
        calls.push(params)
        // A custom transport's params are untyped; an eth_call's are [call, block].
        const [{ data }] = params as [{ data: `0x${string}` }]
        const call = decodeFunctionData({ abi: poolLensAbi, data })
        if (call.functionName === 'getPool') {
          const result = model.lens({ chainBlockNumber: 42n, chainTimestamp: 1_004n })
          return encodeFunctionResult({ abi: poolLensAbi, functionName: 'getPool', result })
        }
        const [, offset, limit] = call.args
        const { rows, total } = model.lensStakers(offset, limit)
        return encodeFunctionResult({ abi: poolLensAbi, functionName: 'getStakers', result: [rows, total] })
      },
    }),
  })
  return { client, calls }
}

describe('readPool', () => {
  it('returns the lens result as decoded, unchanged, in one eth_call', async () => {
    const model = pool()
    const { client, calls } = lensClient(model)
    const read = await readPool(client, { lens, protocol, blockNumber: 42n })
    expect(read).toEqual(model.lens({ chainBlockNumber: 42n, chainTimestamp: 1_004n }))
    expect(calls).toHaveLength(1)
  })

  it('keeps the enums as the chain’s numbers; words come from lib/format/status', async () => {
    const read = await readPool(lensClient(pool()).client, { lens, protocol })
    expect(read.provers.map((p) => [p.prover, p.status, p.slot])).toEqual([[alice, StakerStatus.Active, 1n]])
    expect(read.provers.map((p) => proverStatusWord(p.status))).toEqual(['active'])
    expect(read.emergencyReason).toBe(0)
    expect(read.stakerCount).toBe(2n)
  })
})

describe('readLensStakers', () => {
  it('pages through every staker, rows as the lens returns them', async () => {
    const model = pool()
    const rows = await readLensStakers(lensClient(model).client, { lens, protocol, blockNumber: 42n })
    expect(rows).toEqual(model.lensStakers(0n, 10n).rows)
    expect(rows.map((p) => proverStatusWord(p.status))).toEqual(['active', 'exiting'])
  })
})
