import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { decodeFunctionData, encodeFunctionResult } from 'viem'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { demoConfig, demoInitialState } from '@/lib/pool-math/config'
import { STAKE_UNIT } from '@/lib/pool-math/constants'
import { PoolModel } from '@/lib/pool-math/model/PoolModel'
import { poolLensAbi } from './abi'
import { serializeDeployment } from './deployment'

// The pages' reads run inside a request in Next; here each call stands for one page load.
vi.mock('next/server', () => ({ connection: async () => undefined }))

const addresses = {
  token: '0x00000000000000000000000000000000000000a0',
  protocol: '0x00000000000000000000000000000000000000a1',
  lens: '0x00000000000000000000000000000000000000a2',
  verifier: '0x00000000000000000000000000000000000000a3',
} as const
const HEAD = 42n

/**
 * A node on a real socket, behind RPC_URL: it counts every request that reaches it by method and
 * answers the lens from the pool model, at block HEAD. It waits a little before answering, as a
 * node across a network does, so that requests can pile up.
 */
function startNode(): Promise<{ server: Server; url: string; counts: Record<string, number> }> {
  const model = new PoolModel({ config: demoConfig, ...demoInitialState, now: 1_000n })
  const prover = '0x00000000000000000000000000000000000A11cE'
  model.stake({
    prover,
    amount: 2_000n * STAKE_UNIT,
    rewardPerGas: demoInitialState.feePerGas,
    capacity: 4n,
    now: 1_001n,
  })
  const counts: Record<string, number> = {}
  const hash = (n: bigint) => `0x${n.toString(16).padStart(64, '0')}`
  const answer = (method: string, params: unknown[]): unknown => {
    // The proxy's head probe; the pages' eth_blockNumber is answered from it, never sent.
    if (method === 'eth_getBlockByNumber')
      return { number: `0x${HEAD.toString(16)}`, hash: hash(HEAD), parentHash: hash(HEAD - 1n) }
    if (method !== 'eth_call') throw new Error(`unexpected ${method}`)
    const [{ data }] = params as [{ data: `0x${string}` }]
    const call = decodeFunctionData({ abi: poolLensAbi, data })
    if (call.functionName !== 'getPool') throw new Error(`unexpected ${call.functionName}`)
    const result = model.lens({ chainBlockNumber: HEAD, chainTimestamp: 1_004n })
    return encodeFunctionResult({ abi: poolLensAbi, functionName: 'getPool', result })
  }
  const server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const { id, method, params } = JSON.parse(Buffer.concat(chunks).toString('utf8'))
      counts[method] = (counts[method] ?? 0) + 1
      setTimeout(() => {
        response.writeHead(200, { 'content-type': 'application/json' })
        response.end(JSON.stringify({ jsonrpc: '2.0', id, result: answer(method, params) }))
      }, 20)
    })
  })
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo
      resolve({ server, url: `http://127.0.0.1:${port}/v2/k3y-secret`, counts })
    })
  })
}

describe('the first paint’s chain reads (lib/chain/server)', () => {
  let node: Awaited<ReturnType<typeof startNode>>
  let dir: string
  const saved = { ...process.env }

  beforeAll(async () => {
    node = await startNode()
    dir = mkdtempSync(path.join(tmpdir(), 'prover-pool-server-'))
    const file = path.join(dir, '31337.json')
    writeFileSync(
      file,
      serializeDeployment({
        chainId: 31337,
        deployBlock: 1n,
        addresses,
        config: demoConfig,
        initialFeePerGas: demoInitialState.feePerGas,
        initialAvgProofDelayMs: demoInitialState.avgProofDelayMs,
      }),
    )
    Object.assign(process.env, { CHAIN_ID: '31337', RPC_URL: node.url, DEPLOYMENTS_FILE: file })
  })

  afterAll(() => {
    node.server.close()
    rmSync(dir, { recursive: true, force: true })
    process.env = saved
  })

  it('attack: a burst of page loads in one block is one lens call to RPC_URL, not one per visitor', async () => {
    const { getPoolSnapshot } = await import('./server')
    const loads = await Promise.all(Array.from({ length: 60 }, () => getPoolSnapshot()))
    for (const load of loads) {
      expect(load.status).toBe('ok')
      if (load.status === 'ok') expect(load.pool.chainBlockNumber).toBe(HEAD)
    }
    // The pages read through the same proxy as the browser's routes: one head probe per second at
    // most, and the pool once per block, however many visitors load a page.
    expect(node.counts.eth_call).toBe(1)
    expect(Object.values(node.counts).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(2)

    // The browsers' live reads of that block (/api/pool?block=N) share the pages' answer.
    const { poolRoute } = await import('./route-reads')
    const live = await poolRoute(new Request(`http://app.test/api/pool?block=${HEAD}`))
    expect(live.status).toBe(200)
    expect(node.counts.eth_call).toBe(1)
  })
})
