/**
 * The indexer (Ponder, the real one) on anvil, on PGlite and on PostgreSQL: it indexes the core's
 * events, serves them on /history, and when the last blocks are reorganised (evm_snapshot/evm_revert,
 * then other blocks at the same heights) the indexed history follows the new chain.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_DATABASE_URL } from '../../indexer/test/support/backends'
import { serializeDeployment } from '../../lib/chain/deployment'
import { indexedBlock, indexerCommand, resetIndexerData } from '../../scripts/lib/indexer'
import { claimPort, type PortClaim } from '../support'
import { deployPool, type Pool } from '../support/pool'

const backends = [
  { name: 'PGlite', databaseUrl: undefined },
  ...(process.env.INDEXER_TEST_POSTGRES !== '0'
    ? [{ name: 'PostgreSQL', databaseUrl: TEST_DATABASE_URL }]
    : []),
]

type Row = { blockId: string; proposedIn: string; commitment: string; assignedProver: string | null }

describe.each(backends)('the indexer on $name', ({ databaseUrl }) => {
  let pool: Pool
  let port: PortClaim
  let child: ChildProcess | undefined
  let url = ''
  let output = ''
  const dir = mkdtempSync(path.join(tmpdir(), 'indexer-test-'))

  beforeAll(async () => {
    pool = await deployPool()
    port = await claimPort()
    url = `http://127.0.0.1:${port.port}`
    const deploymentsFile = path.join(dir, 'deployment.json')
    writeFileSync(deploymentsFile, serializeDeployment(pool.deployment))
    const parameters = {
      port: port.port,
      rpcUrl: pool.rpcUrl,
      chainId: 31_337,
      deploymentsFile,
      databaseUrl,
      dataDir: path.join(dir, 'pglite'),
      schema: `reorg_test_${process.pid}`,
      pollingMs: 100,
    }
    await resetIndexerData(parameters)
    const command = indexerCommand(parameters)
    child = spawn(command.command, command.args, { cwd: command.cwd, env: command.env, detached: true })
    child.stdout?.on('data', (d: Buffer) => {
      output = (output + d.toString()).slice(-3_000)
    })
    child.stderr?.on('data', (d: Buffer) => {
      output = (output + d.toString()).slice(-3_000)
    })
  })

  afterAll(async () => {
    if (child?.pid) {
      const exited = new Promise((r) => child?.once('exit', r))
      process.kill(-child.pid, 'SIGTERM')
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))])
    }
    await pool?.stop()
    port?.release()
    rmSync(dir, { recursive: true, force: true })
  })

  /** Waits until the indexer has indexed the chain's head. */
  async function caughtUp() {
    const deadline = Date.now() + 90_000
    for (;;) {
      const head = await pool.publicClient.getBlockNumber()
      const indexed = await indexedBlock(url)
      if (indexed !== null && indexed >= head) return
      if (Date.now() > deadline)
        throw new Error(`the indexer did not catch up (at ${indexed} of ${head}):\n${output}`)
      await new Promise((r) => setTimeout(r, 200))
    }
  }

  async function blocks(): Promise<Row[]> {
    const response = await fetch(`${url}/history/blocks?limit=100`)
    return ((await response.json()) as { rows: Row[] }).rows
  }

  it('indexes the blocks, then follows a reorganisation of the last ones', async () => {
    const { alice, bob } = pool.accounts
    await pool.stake(alice)
    await pool.stake(bob)
    await pool.proposeBlocks(2)
    const snapshot = await pool.snapshot()
    const lost = await pool.proposeBlocks(3)
    await caughtUp()
    const before = await blocks()
    expect(before.map((b) => BigInt(b.blockId))).toEqual([5n, 4n, 3n, 2n, 1n])
    expect(lost).toEqual([3n, 4n, 5n])

    // The last three blocks are replaced: one other proposal at the same height, then empty blocks.
    await pool.revert(snapshot)
    const replacement = await pool.proposeBlock({ gasUsed: 333_333n })
    await pool.mine(3)
    await caughtUp()
    const after = await blocks()
    expect(after.map((b) => BigInt(b.blockId))).toEqual([3n, 2n, 1n])
    const third = after[0]!
    expect(BigInt(third.proposedIn)).toBe(replacement.receipt.blockNumber)
    expect(third.commitment).toBe(replacement.proposed.commitment)
    // The stakers' counters follow too: as many assignments as blocks left.
    const stakers = (await (await fetch(`${url}/history/stakers`)).json()) as { rows: { assigned: number }[] }
    expect(stakers.rows.reduce((n, s) => n + s.assigned, 0)).toBe(
      after.filter((b) => b.assignedProver).length,
    )
  })
})
