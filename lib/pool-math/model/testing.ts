import { type Address, getAddress, type Hex, keccak256, toHex } from 'viem'
import { expect } from 'vitest'
import { demoConfig, type PoolConfig } from '../config'
import { STAKE_UNIT } from '../constants'
import { type PoolErrorArgs, type PoolErrorName, PoolModelError } from './errors'
import { PoolModel } from './PoolModel'

/** Test-only helpers for the model's tests (not exported from the package). */

export const TKO = STAKE_UNIT
export const F0 = 1_000_000_000n
export const T0 = 1_700_000_000n // inside UTC day 19_675, which ends at 1_700_006_400

const address = (n: number): Address => getAddress(`0x${n.toString(16).padStart(40, '0')}`)
export const alice = address(0xa11ce)
export const bob = address(0xb0b)
export const carol = address(0xca201)
export const dave = address(0xda7e)
export const erin = address(0xe217)
export const frank = address(0xf2a2c)
export const proposer = address(0x9209)
export const outsider = address(0x0a751de)
export const provers = Array.from({ length: 40 }, (_, i) => address(0x1000 + i))

/** The demo timing with round numbers; tests override what they exercise. */
export const testConfig: PoolConfig = {
  ...demoConfig,
  maxActiveProvers: 4n,
  baseMinStake: 1_000n * TKO, // minStake(0) = 500 TKO
  baseMinCapacity: 2n, // minCapacity(0) = 1
  targetBacklog: 8n,
  congestionBacklog: 32n,
  minAvailableProvers: 1n,
  maxOpenBlocks: 3n,
  minProofWindow: 20n,
  maxProofWindow: 180n,
}

export const parentHash = (n: bigint): Hex => keccak256(toHex(n))
/** A block commitment for tests: non-zero, distinct per block. */
export const commitmentOf = (blockId: bigint): Hex => keccak256(toHex(`block ${blockId}`))

export function newModel(config: PoolConfig = testConfig, treasury = 1_000_000n * TKO): PoolModel {
  const model = new PoolModel({ config, feePerGas: F0, avgProofDelayMs: 12_000n, now: T0 })
  if (treasury > 0n) model.fundTreasury({ from: outsider, amount: treasury, now: T0 })
  return model
}

export function stake(
  model: PoolModel,
  prover: Address,
  { amount = 1_000n * TKO, rewardPerGas = F0, capacity = 4n, now = model.timestamp } = {},
) {
  return model.stake({ prover, amount, rewardPerGas, capacity, now })
}

/** Propose one block with a parent hash derived from the next block id (deterministic). */
export function propose(model: PoolModel, { gasUsed = 1_000_000n, now = model.timestamp, seed = 0n } = {}) {
  const commitment = commitmentOf(model.nextBlockId)
  return model.proposeBlock({
    proposer,
    gasUsed,
    commitment,
    parentHash: parentHash(model.nextBlockId + seed),
    now,
  })
}

/** Propose until the block is assigned to `prover` (trying parent hashes); throws after 500 tries. */
export function proposeFor(
  model: PoolModel,
  prover: Address,
  { gasUsed = 1_000_000n, now = model.timestamp } = {},
) {
  for (let seed = 0n; seed < 500n; seed++) {
    const draft = model.clone()
    const r = draft.proposeBlock({
      proposer,
      gasUsed,
      commitment: commitmentOf(model.nextBlockId),
      parentHash: parentHash(model.nextBlockId * 1_000n + seed),
      now,
    })
    if (r.assignedProver === prover)
      return model.proposeBlock({
        proposer,
        gasUsed,
        commitment: commitmentOf(model.nextBlockId),
        parentHash: parentHash(model.nextBlockId * 1_000n + seed),
        now,
      })
  }
  throw new Error(`no parent hash assigns block ${model.nextBlockId} to ${prover}`)
}

export function expectPoolError<name extends PoolErrorName>(
  run: () => unknown,
  errorName: name,
  args?: PoolErrorArgs[name],
): PoolModelError {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(PoolModelError)
    const e = error as PoolModelError
    expect(e.errorName).toBe(errorName)
    if (args) expect(e.args).toEqual(args)
    return e
  }
  throw new Error(`expected ${errorName}, but the transition went through`)
}

export function expectConserved(model: PoolModel): void {
  expect(model.accountedBalance()).toBe(model.balance)
}
