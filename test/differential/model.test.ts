/**
 * Model-based differential test: the same random command sequences drive the deployed contracts and a
 * `PoolModel`, in lockstep and at the same block timestamps. After every step both must agree on the
 * outcome (success with the same events, or the same custom error with the same arguments) and on the
 * whole state as the lens, `weights()`, `getStaker`, `getBlock` and the token balances show it.
 * See docs/pool-math.md ("Keeping the model and the contracts equal").
 */
import fc from 'fast-check'
import {
  type Address,
  BaseError,
  ContractFunctionRevertedError,
  type Hash,
  parseEventLogs,
  type TransactionReceipt,
} from 'viem'
import { describe, expect, it } from 'vitest'
import { BlockProtocol } from '@/contracts-abi/BlockProtocol'
import { PoolModel, PoolModelError } from '@/lib/pool-math'
import {
  applyCall,
  type PoolCall,
  type PoolCommand,
  poolCommandArb,
  resolveCommand,
} from '@/lib/pool-math/model/commands'
import { assertTokenConservation, DEFAULT_PROOF, type Pool, setupPool } from '../support'

const pool = setupPool({
  // Short delays and a small active list, so that evictions, withdrawals and both emergency reasons
  // happen within a few dozen steps.
  config: {
    maxActiveProvers: 3n,
    maxOpenBlocks: 4n,
    maxProofWindow: 60n,
    exitDelay: 60n,
    rewardChangeCooldown: 60n,
    configDelay: 30n,
    // Slashes of one block's base reward (scheduled configs raise the rate): a late block then costs the
    // treasury more than it brings in, as open blocks do.
    slashBps: 0n,
    minSlashRewardMultiple: 1n,
  },
  // No funding beyond the fees: the treasury runs short within a sequence, so owed rewards and their
  // payment out of later fees, slashes and fundings happen.
  treasuryFunding: 0n,
})

type Outcome =
  | { events: { eventName: string; args: readonly unknown[] }[] }
  | { error: { name: string; args: readonly unknown[] } }

/** Sends `call` to the contracts; the decoded protocol events, or the decoded custom error. */
async function execute(p: Pool, call: PoolCall): Promise<{ outcome: Outcome; receipt?: TransactionReceipt }> {
  const w = p.protocol.write
  const account = call.from
  let hash: Promise<Hash>
  switch (call.fn) {
    case 'stake':
      hash = w.stake([call.amount, call.rewardPerGas, call.capacity], { account })
      break
    case 'topUp':
      hash = w.topUp([call.amount], { account })
      break
    case 'changeRewardPerGas':
      hash = w.changeRewardPerGas([call.rewardPerGas], { account })
      break
    case 'changeCapacity':
      hash = w.changeCapacity([call.capacity], { account })
      break
    case 'requestExit':
      hash = w.requestExit({ account })
      break
    case 'withdraw':
      hash = w.withdraw({ account })
      break
    case 'proposeBlock':
      hash = w.proposeBlock([Number(call.gasUsed), call.commitment], { account })
      break
    case 'proveBlocks':
      hash = w.proveBlocks([call.blockIds, DEFAULT_PROOF], { account })
      break
    case 'claimRewards':
      hash = w.claimRewards({ account })
      break
    case 'fundTreasury':
      hash = w.fundTreasury([call.amount], { account })
      break
    case 'scheduleConfig':
      hash = w.scheduleConfig([call.config], { account })
      break
    case 'cancelConfig':
      hash = w.cancelConfig({ account })
      break
    case 'applyConfig':
      hash = w.applyConfig({ account })
      break
  }
  try {
    const receipt = await p.send(hash)
    const logs = parseEventLogs({ abi: BlockProtocol.abi, logs: receipt.logs }).filter(
      (log) => log.address.toLowerCase() === p.addresses.protocol.toLowerCase(),
    )
    return {
      receipt,
      outcome: {
        events: logs.map((log) => ({ eventName: log.eventName, args: Object.values(log.args ?? {}) })),
      },
    }
  } catch (error) {
    const reverted =
      error instanceof BaseError ? error.walk((e) => e instanceof ContractFunctionRevertedError) : null
    if (!(reverted instanceof ContractFunctionRevertedError) || !reverted.data) throw error
    return { outcome: { error: { name: reverted.data.errorName, args: reverted.data.args ?? [] } } }
  }
}

function simulate(model: PoolModel, call: PoolCall, now: bigint, parentHash: Hash): Outcome {
  try {
    return {
      events: applyCall(model, call, { now, parentHash }).map((e) => ({
        eventName: e.eventName,
        args: [...e.args],
      })),
    }
  } catch (error) {
    if (!(error instanceof PoolModelError)) throw error
    return { error: { name: error.errorName, args: [...error.args] } }
  }
}

/** Everything the chain shows about the pool against the model, at the latest block. */
async function compareState(
  p: Pool,
  model: PoolModel,
  actors: readonly Address[],
  blockIds: readonly bigint[],
  step: string,
) {
  const r = p.protocol.read
  const [view, page, weights, accounted, balance, owed, stakers, blocks] = await Promise.all([
    p.lens.read.getPool([p.addresses.protocol]),
    p.lens.read.getStakers([p.addresses.protocol, 0n, 100n]),
    r.weights(),
    r.accountedBalance(),
    p.token.read.balanceOf([p.addresses.protocol]),
    r.totalOwed(),
    Promise.all(actors.map((a) => r.getStaker([a]))),
    Promise.all(blockIds.map((id) => r.getBlock([id]))),
  ])
  expect(view, `lens after ${step}`).toEqual(
    model.lens({ chainBlockNumber: view.chainBlockNumber, chainTimestamp: view.chainTimestamp }),
  )
  const modelPage = model.lensStakers(0n, 100n)
  expect([[...page[0]], page[1]], `lens getStakers after ${step}`).toEqual([modelPage.rows, modelPage.total])
  expect(owed, `totalOwed() after ${step}`).toBe(model.totalOwed)
  expect([...weights], `weights() after ${step}`).toEqual(model.weights())
  expect(stakers, `getStaker after ${step}`).toEqual(actors.map((a) => model.getStaker(a)))
  expect(blocks, `getBlock after ${step}`).toEqual(blockIds.map((id) => model.getBlock(id)))
  expect(balance, `TKO balance after ${step}`).toBe(model.balance)
  expect(accounted, `accountedBalance() after ${step}`).toBe(model.accountedBalance())
}

const touched = (call: PoolCall, model: PoolModel): bigint[] =>
  call.fn === 'proveBlocks'
    ? call.blockIds.filter((id) => id > 0n && id < model.nextBlockId)
    : call.fn === 'proposeBlock' && model.nextBlockId > 1n
      ? [model.nextBlockId - 1n]
      : []

/** What the model side of a run carries from step to step. */
type ModelSide = { model: PoolModel; now: bigint }
/** The chain side: the deployed pool and the accounts the commands act as. */
type RealSide = {
  p: Pool
  actors: Address[]
  env: { actors: Address[]; proposer: Address; funder: Address; owner: Address }
}

/**
 * One random pool command as a fast-check `AsyncCommand`: it is resolved against the model (who, which
 * block, how much), sent to the chain and applied to the model at the same block timestamp, and then the
 * outcome and the whole state must agree. fast-check shrinks a failing run command by command.
 */
class PoolStep implements fc.AsyncCommand<ModelSide, RealSide> {
  constructor(readonly command: PoolCommand) {}

  check(): boolean {
    return true // every command is meaningful in every state: a refused one must be refused by both sides
  }

  async run(m: ModelSide, r: RealSide): Promise<void> {
    const { command } = this
    if (command.kind === 'wait') {
      m.now += command.seconds
      return
    }
    const call = resolveCommand(m.model, command, r.env)
    if (!call) return
    m.now += 1n // one block per transaction, one second apart at least
    const parent = await r.p.publicClient.getBlock()
    await r.p.setNextTimestamp(m.now)
    const chain = await execute(r.p, call)
    const step = JSON.stringify(call, (_, v) => (typeof v === 'bigint' ? `${v}` : v))
    // The model runs on the block the transaction really landed in: after anvil's rare automine miss
    // (test/support/pool.ts `receiptOf`) that can be a later block than the one set up for it.
    let parentHash = parent.hash
    if (chain.receipt) {
      const mined = await r.p.publicClient.getBlock({ blockNumber: chain.receipt.blockNumber })
      m.now = mined.timestamp
      parentHash = mined.parentHash
    }
    expect(chain.outcome, step).toEqual(simulate(m.model, call, m.now, parentHash))
    tally(chain.outcome)
    await compareState(r.p, m.model, r.actors, touched(call, m.model), step)
  }

  toString(): string {
    return JSON.stringify(this.command, (_, v) => (typeof v === 'bigint' ? `${v}` : v))
  }
}

async function runSequence(commands: Iterable<fc.AsyncCommand<ModelSide, RealSide>>) {
  const p = pool
  const { alice, bob, carol, dave, erin, frank, grace, owner, proposer } = p.accounts
  const actors = [alice, bob, carol, dave, erin, frank]
  const env = { actors, proposer, funder: grace, owner }
  const snapshot = await p.snapshot()
  try {
    const head = await p.publicClient.getBlock()
    const start = await p.lens.read.getPool([p.addresses.protocol])
    const model = new PoolModel({
      config: start.config,
      feePerGas: p.initialFeePerGas,
      avgProofDelayMs: p.initialAvgProofDelayMs,
      token: p.addresses.token,
      owner,
      now: head.timestamp,
    })
    if (start.treasury > 0n) model.fundTreasury({ from: owner, amount: start.treasury, now: head.timestamp })
    await compareState(p, model, actors, [], 'deployment')

    await fc.asyncModelRun(
      () => ({ model: { model, now: head.timestamp }, real: { p, actors, env } }),
      commands,
    )

    const all = Array.from({ length: Number(model.nextBlockId - 1n) }, (_, k) => BigInt(k + 1))
    await compareState(p, model, actors, all, 'the sequence')
    await assertTokenConservation(p)
  } finally {
    await p.revert(snapshot)
  }
}

/** Steps sent to both sides, and how often each event and each custom error came out (the test's reach). */
let steps = 0
const outcomes = new Map<string, number>()
function tally(outcome: Outcome) {
  steps += 1
  const names = 'error' in outcome ? [`error ${outcome.error.name}`] : outcome.events.map((e) => e.eventName)
  for (const name of names) outcomes.set(name, (outcomes.get(name) ?? 0) + 1)
}

/** What a default run must have reached: every Revision 2 path, refused and accepted. */
const mustReach = [
  'Evicted',
  'Slashed',
  'EmergencyModeChanged',
  'RewardOwed',
  'OwedRewardsPaid',
  'ConfigScheduled',
  'ConfigUpdated',
  'ConfigCancelled',
  'error BlockProtocolEmptyCommitment',
  'error BlockProtocolGasUsedOutOfRange',
  'error ProverPoolConfigInvalid',
  'error BlockProtocolConfigNotDue',
  'error OwnableUnauthorizedAccount',
  'error ProverPoolCooldownActive',
]

/** `MODEL_RUNS=550 npx vitest run test/differential/model.test.ts` runs ~20,000 steps (docs/pool-math.md). */
const runs = Number(process.env.MODEL_RUNS ?? 75)
const defaultDepth = process.env.MODEL_RUNS === undefined

describe('contracts and PoolModel under the same random command sequences', () => {
  it(
    'agree after every step on outcome, events and the whole state',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.commands([poolCommandArb({ actors: 6 }).map((command) => new PoolStep(command))], {
            size: 'max',
            maxCommands: 80,
          }),
          runSequence,
        ),
        {
          numRuns: runs,
          endOnFailure: true,
          seed: process.env.MODEL_SEED ? Number(process.env.MODEL_SEED) : undefined,
        },
      )
      const reach = [...outcomes].sort(([a], [b]) => a.localeCompare(b)).map(([k, n]) => `${k} ${n}`)
      console.info(`${steps} steps on both sides in ${runs} sequences:\n  ${reach.join('\n  ')}`)
      if (defaultDepth) {
        expect(steps, 'npm test runs at least 2,000 random steps').toBeGreaterThanOrEqual(2_000)
        expect(
          mustReach.filter((name) => !outcomes.has(name)),
          'paths never reached',
        ).toEqual([])
      }
    },
    Math.max(300_000, runs * 8_000),
  )
})
