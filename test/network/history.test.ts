/**
 * The long-history generator (`npm start -- --history N`, the scale benchmark) on a real anvil with the
 * demo network: it plans each round on PoolModel, so every assignment it predicted must be the one the
 * contract drew, and the history must look like a pool's (many provers, proofs at once and a round later,
 * late proofs with slashes, no emergency), ending with nothing outstanding.
 */
import { parseEventLogs } from 'viem'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BlockProtocol, ProverPoolLens } from '../../contracts-abi'
import { devAccount, RACER_INDEX } from '../../lib/network/accounts'
import { demoConfig } from '../../lib/pool-math/config'
import { startAnvil } from '../../scripts/lib/anvil'
import type { deployContracts } from '../../scripts/lib/deploy-core'
import { createClients } from '../../scripts/network/chain'
import { deployDemoContracts } from '../../scripts/network/deploy-demo'
import { generateHistory } from '../../scripts/network/history'
import { stakePopulation } from '../../scripts/network/population'
import { claimPort, type PortClaim } from '../support'

const BLOCKS = 1_000

describe('generateHistory', () => {
  let port: PortClaim
  let anvil: Awaited<ReturnType<typeof startAnvil>>
  let clients: ReturnType<typeof createClients>
  let addresses: Awaited<ReturnType<typeof deployContracts>>['addresses']
  let startBlock = 0n
  let result: { ms: number; late: number }

  beforeAll(async () => {
    port = await claimPort()
    anvil = await startAnvil({ port: port.port, args: ['--prune-history'] })
    const deployment = await deployDemoContracts(anvil.rpcUrl)
    addresses = deployment.addresses
    clients = createClients(anvil.rpcUrl)
    await stakePopulation({ clients, addresses, config: demoConfig })
    startBlock = await clients.publicClient.getBlockNumber()
    result = await generateHistory({
      rpcUrl: anvil.rpcUrl,
      addresses,
      blocks: BLOCKS,
      perRound: 200,
      lateEvery: 50,
      minGasPerBlock: demoConfig.minGasPerBlock,
    })
  }, 180_000)

  afterAll(async () => {
    await anvil?.stop()
    port?.release()
  })

  const events = async () => {
    const logs = await clients.publicClient.getLogs({
      address: addresses.protocol,
      fromBlock: startBlock + 1n,
      toBlock: 'latest',
    })
    return parseEventLogs({ abi: BlockProtocol.abi, logs })
  }

  it('proposes and proves every block, a few hundred per anvil block, and leaves nothing outstanding', async () => {
    const pool = await clients.publicClient.readContract({
      address: addresses.lens,
      abi: ProverPoolLens.abi,
      functionName: 'getPool',
      args: [addresses.protocol],
    })
    expect(pool.nextBlockId).toBe(BigInt(BLOCKS) + 1n)
    expect(pool.backlog).toBe(0n)
    expect(pool.openBlocks).toBe(0n)
    expect(pool.emergency).toBe(false)
    const all = await events()
    expect(all.filter((e) => e.eventName === 'BlockProposed')).toHaveLength(BLOCKS)
    expect(all.filter((e) => e.eventName === 'BlockProven')).toHaveLength(BLOCKS)
    expect(all.filter((e) => e.eventName === 'EmergencyModeChanged').map((e) => e.args)).toEqual([])
    // Few, full anvil blocks: one per round of 200 proposals.
    const proposalBlocks = new Set(
      all.filter((e) => e.eventName === 'BlockProposed').map((e) => e.blockNumber),
    )
    expect(proposalBlocks.size).toBe(BLOCKS / 200)
  })

  it('spreads the blocks over many provers, proves them at once or a round later, and some late', async () => {
    const all = await events()
    const proposed = all.flatMap((e) => (e.eventName === 'BlockProposed' ? [e] : []))
    const proven = all.flatMap((e) => (e.eventName === 'BlockProven' ? [e] : []))
    expect(new Set(proposed.map((e) => e.args.assignedProver)).size).toBeGreaterThanOrEqual(10)
    const delays = new Set(proven.map((e) => e.args.delay))
    expect(delays.has(0n)).toBe(true)
    expect(delays.size).toBeGreaterThanOrEqual(2)
    // About one in 50 assigned block misses its window: the racer proves it late and its prover is slashed.
    expect(result.late).toBeGreaterThan(0)
    const lateProofs = proven.filter((e) => e.args.late)
    expect(lateProofs).toHaveLength(result.late)
    const racer = devAccount(RACER_INDEX).address.toLowerCase()
    expect(lateProofs.every((e) => e.args.prover.toLowerCase() === racer)).toBe(true)
    expect(all.filter((e) => e.eventName === 'Slashed').length).toBe(result.late)
  })
})
