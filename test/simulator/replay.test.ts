/**
 * The engine against the contracts: a short random scenario runs in the simulator while every call it makes
 * into PoolModel is sent, at the same block timestamp, to the deployed contracts on anvil (the harness in
 * test/support). Each proposal's parent hash is the chain's, so both select the same prover. Every call
 * must succeed or revert alike, and the run must end in the same state: the lens, every staker, every
 * block, the token balance.
 */
import { BaseError, ContractFunctionRevertedError, type Hash, type Hex } from 'viem'
import { describe, expect, it } from 'vitest'
import { poolConfigKeys } from '@/lib/pool-math/config-keys'
import { Simulation } from '@/lib/simulator/engine'
import type { PoolCall } from '@/lib/simulator/pool-adapter'
import { defaultScenario, type Scenario } from '@/lib/simulator/scenario'
import { DEFAULT_PROOF, type Pool, setupPool } from '../support'

const pool = setupPool({ config: { exitDelay: 300n, rewardChangeCooldown: 120n }, treasuryFunding: 0n })

/** Sends one recorded call to the contracts; `'ok'` or the custom error's name. */
async function replay(p: Pool, call: PoolCall): Promise<string> {
  const w = p.protocol.write
  const account = call.from
  let hash: Promise<Hash>
  switch (call.fn) {
    case 'fundTreasury':
      hash = w.fundTreasury([call.amount], { account })
      break
    case 'stake':
      hash = w.stake([call.amount, call.rewardPerGas, call.capacity], { account })
      break
    case 'changeRewardPerGas':
      hash = w.changeRewardPerGas([call.rewardPerGas], { account })
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
  }
  await p.setNextTimestamp(BigInt(call.now))
  try {
    await p.send(hash)
    return 'ok'
  } catch (error) {
    const reverted =
      error instanceof BaseError ? error.walk((e) => e instanceof ContractFunctionRevertedError) : null
    if (reverted instanceof ContractFunctionRevertedError && reverted.data) return reverted.data.errorName
    throw error
  }
}

describe('the simulator against the contracts', () => {
  it('ends a short random scenario in the same state as the chain it was replayed on', async () => {
    const p = pool
    const { alice, bob, carol, dave, erin, frank, owner, proposer } = p.accounts
    const config = Object.fromEntries(poolConfigKeys.map((k) => [k, String(p.config[k])]))
    // Six provers for four slots (the last two evict the smallest stakes), flaky proofs against windows of
    // 20–180 s (late blocks, slashes, racing, emergency mode), demand of a block every 10 s.
    const scenario: Scenario = {
      ...defaultScenario(),
      name: 'replay',
      seed: 11,
      blocks: 120,
      provers: [
        {
          ...defaultScenario().provers[0]!,
          label: 'small',
          count: 4,
          stakeTko: { kind: 'uniform', min: 1_200, max: 2_500 },
          capacity: 3,
          proofTimeSeconds: { kind: 'lognormal', median: 15, sigma: 0.6 },
          failureRate: 0.2,
          strategy: { kind: 'followF', fraction: 1 },
        },
        {
          ...defaultScenario().provers[0]!,
          label: 'large',
          count: 2,
          stakeTko: { kind: 'uniform', min: 3_000, max: 4_000 },
          capacity: 2,
          proofTimeSeconds: { kind: 'lognormal', median: 15, sigma: 0.6 },
          failureRate: 0.2,
          strategy: { kind: 'fractionOfF', fraction: 0.9 },
        },
      ],
      demand: { blocksPerHour: 360, gasUsed: { kind: 'uniform', min: 100_000, max: 3_000_000 }, bursts: [] },
      pool: {
        base: 'demo',
        config,
        initialFeePerGasGwei: Number(p.initialFeePerGas) / 1e9,
        initialAvgProofDelaySeconds: Number(p.initialAvgProofDelayMs) / 1_000,
        treasuryTko: 50,
      },
    }

    const head = await p.publicClient.getBlock()
    let parentHash: Hex = head.hash
    const calls: PoolCall[] = []
    const simulation = new Simulation(scenario, {
      provers: [alice, bob, carol, dave, erin, frank],
      proposer,
      owner,
      token: p.addresses.token,
      startTime: Number(head.timestamp) + 1,
      parentHash: () => parentHash,
      onCall: (call) => calls.push(call),
    })
    const outcomes: string[] = []
    const check = async () => {
      for (const call of calls.splice(0)) {
        const onChain = await replay(p, call)
        const what = `${call.fn} from ${call.from} at ${call.now}`
        expect(onChain, what).toBe(call.outcome)
        outcomes.push(`${call.fn}:${onChain}`)
      }
    }
    await check() // treasury and the first stakes
    // One event at a time: a proposal is always the first call of its event, so the parent hash it sees is
    // the chain's head when it is sent.
    while (!simulation.done) {
      parentHash = (await p.publicClient.getBlock()).hash
      simulation.step({ events: 1 })
      await check()
    }

    const result = simulation.result()
    const model = simulation.model!
    expect(result.unexpectedReverts).toEqual({})
    // The scenario did exercise the mechanism: evictions and withdrawals, slashes, racing, emergency mode,
    // and refused calls (which the chain must refuse with the same error).
    expect(result.slashes).toBeGreaterThan(0)
    expect(result.redundantProofs).toBeGreaterThan(0)
    expect(result.emergencyEpisodes.length).toBeGreaterThan(0)
    expect(result.provers.some((x) => x.evictions > 0)).toBe(true)
    expect(outcomes).toContain('withdraw:ok')
    expect(outcomes.some((o) => !o.endsWith(':ok'))).toBe(true)
    expect(outcomes.filter((o) => o === 'proposeBlock:ok')).toHaveLength(result.blocks)

    const view = await p.lens.read.getPool([p.addresses.protocol])
    expect(view).toEqual(
      model.lens({ chainBlockNumber: view.chainBlockNumber, chainTimestamp: view.chainTimestamp }),
    )
    for (const a of [alice, bob, carol, dave, erin, frank])
      expect(await p.protocol.read.getStaker([a])).toEqual(model.getStaker(a))
    for (let id = 1n; id < model.nextBlockId; id++)
      expect(await p.protocol.read.getBlock([id])).toEqual(model.getBlock(id))
    expect(await p.token.read.balanceOf([p.addresses.protocol])).toBe(model.balance)
  })
})
