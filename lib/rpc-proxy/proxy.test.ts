import { describe, expect, it } from 'vitest'
import type { RpcOutcome } from './json-rpc'
import { busyMessage, createRpcProxy, unavailableMessage } from './proxy'
import { type Upstream, UpstreamError } from './upstream'

const LENS = '0x00000000000000000000000000000000000000a1'
const CORE = '0x00000000000000000000000000000000000000a2'
const ACCOUNT = '0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc'
const SECRET = 'k3y-0123456789abcdef'
const RPC_URL = `https://rpc.example.org/v2/${SECRET}`

/** A fake node: counts what reaches it; `head` is its latest block; `down` makes it not answer. */
function fakeNode() {
  const node = {
    head: 100n,
    /** Changes the head's hash at the same height (a reorg), for blocks from `forkFrom` on. */
    fork: 0,
    forkFrom: 0n,
    down: false,
    delayMs: 0,
    calls: [] as string[],
    answer: (method: string, _params: unknown[]): RpcOutcome => {
      if (method === 'eth_getBlockByNumber') {
        // Blocks from `forkFrom` on belong to branch `fork`; below it, to the common history.
        const hashOf = (n: bigint) =>
          `0x${(n >= node.forkFrom ? node.fork : 0).toString(16).padStart(8, '0')}${n.toString(16).padStart(56, '0')}`
        return {
          result: {
            number: `0x${node.head.toString(16)}`,
            hash: hashOf(node.head),
            parentHash: hashOf(node.head - 1n),
          },
        }
      }
      if (method === 'eth_call') return { result: '0x01' }
      if (method === 'eth_getLogs') return { result: [] }
      return { result: null }
    },
  }
  const upstream: Upstream = async ({ method, params }) => {
    node.calls.push(method)
    if (node.delayMs) await new Promise((r) => setTimeout(r, node.delayMs))
    if (node.down) throw new UpstreamError(`${method}: no answer from ${RPC_URL} (fetch failed)`)
    return node.answer(method, params)
  }
  return { node, upstream }
}

function setup(options: Partial<Parameters<typeof createRpcProxy>[0]> = {}) {
  const { node, upstream } = fakeNode()
  let clock = 1_000_000
  const logs: string[] = []
  const proxy = createRpcProxy({
    upstream,
    policy: { contracts: [LENS, CORE], allowRawTransactions: false },
    redact: (text) => text.split(SECRET).join('[redacted]'),
    log: (message) => logs.push(message),
    now: () => clock,
    ...options,
  })
  return {
    node,
    logs,
    proxy,
    tick: (ms: number) => {
      clock += ms
    },
    post: (body: unknown, headers: Record<string, string> = {}) =>
      proxy.handle(
        new Request('http://app.test/api/rpc', {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: typeof body === 'string' ? body : JSON.stringify(body),
        }),
      ),
  }
}

const call = (id: number, method: string, params: unknown[] = []) => ({ jsonrpc: '2.0', id, method, params })
const lensRead = (id: number, block = '0x64') =>
  call(id, 'eth_call', [{ to: LENS, data: '0xabcdef01' }, block])

describe('the RPC route', () => {
  it('answers an allowed read with the node’s result and the caller’s id', async () => {
    const { post, node } = setup()
    const response = await post(lensRead(7))
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ jsonrpc: '2.0', id: 7, result: '0x01' })
    expect(node.calls).toEqual(['eth_getBlockByNumber', 'eth_call'])
  })

  it('refuses a method outside the allowlist with a JSON-RPC error, and never asks the node', async () => {
    const { post, node } = setup()
    const response = await post(call(1, 'eth_sendTransaction', [{ from: ACCOUNT, to: CORE }]))
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({
      jsonrpc: '2.0',
      id: 1,
      error: {
        code: -32601,
        message: 'eth_sendTransaction is not served by this app: signing and sending go through your wallet.',
      },
    })
    expect(node.calls).not.toContain('eth_sendTransaction')
  })

  it('accepts only JSON POSTs', async () => {
    const { proxy, post } = setup()
    const plain = await post(JSON.stringify(lensRead(1)), { 'content-type': 'text/plain' })
    expect(plain.status).toBe(415)
    expect((await plain.json()).error.message).toBe('Send JSON-RPC requests as application/json.')
    const get = await proxy.handle(new Request('http://app.test/api/rpc'))
    expect(get.status).toBe(405)
    const notJson = await post('{"jsonrpc":')
    expect(notJson.status).toBe(400)
    expect((await notJson.json()).error).toEqual({ code: -32700, message: 'The request body is not JSON.' })
  })

  it('bounds the request size, whether or not it declares its length', async () => {
    const { post, proxy } = setup()
    const big = JSON.stringify(
      call(1, 'eth_call', [{ to: LENS, data: `0x${'00'.repeat(20_000)}` }, 'latest']),
    )
    const declared = await post(big)
    expect(declared.status).toBe(413)
    expect((await declared.json()).error.message).toBe('The request is larger than 32,768 bytes.')
    const encoder = new TextEncoder()
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 10; i++) controller.enqueue(encoder.encode(big.slice(i * 4_100, (i + 1) * 4_100)))
        controller.close()
      },
    })
    const streamed = await proxy.handle(
      new Request('http://app.test/api/rpc', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: stream,
        duplex: 'half',
      } as RequestInit),
    )
    expect(streamed.status).toBe(413)
  })

  it('bounds the batch length and answers each request of a batch on its own', async () => {
    const { post } = setup()
    const tooLong = await post(Array.from({ length: 17 }, (_, i) => lensRead(i)))
    expect(tooLong.status).toBe(413)
    expect((await tooLong.json()).error.message).toBe('At most 16 requests per batch; this one has 17.')
    expect((await post([])).status).toBe(400)

    const mixed = await post([lensRead(1), call(2, 'anvil_mine'), { id: 3, method: 'eth_chainId' }, 'junk'])
    const answers = (await mixed.json()) as { id: unknown; result?: unknown; error?: { code: number } }[]
    expect(answers.map((a) => [a.id, 'result' in a ? 'result' : a.error?.code])).toEqual([
      [1, 'result'],
      [2, -32601],
      [3, -32600],
      [null, -32600],
    ])
  })

  it('passes the node’s own errors through (a revert and its data), without the RPC URL', async () => {
    const { post, node } = setup()
    const normal = node.answer
    node.answer = (method, params) =>
      method === 'eth_call'
        ? { error: { code: 3, message: `execution reverted (node ${RPC_URL})`, data: '0x1234abcd' } }
        : normal(method, params)
    const answer = await (await post(lensRead(1))).json()
    expect(answer.error).toEqual({
      code: 3,
      message: 'execution reverted (node https://rpc.example.org/v2/[redacted])',
      data: '0x1234abcd',
    })
  })

  it('says the node did not answer in words, logs the details without the secret, and asks again later', async () => {
    const { post, node, logs, tick } = setup()
    node.down = true
    const response = await post(lensRead(1))
    expect(response.status).toBe(502)
    const text = await response.text()
    expect(JSON.parse(text).error).toEqual({ code: -32603, message: unavailableMessage })
    expect(text).not.toContain(SECRET)
    expect(text).not.toContain('rpc.example.org')
    expect(logs).toHaveLength(1)
    expect(logs[0]).toContain('no answer from https://rpc.example.org/v2/[redacted]')
    expect(logs[0]).not.toContain(SECRET)

    // While down, twenty visitors polling within the head's lifetime cost one probe of the node.
    node.calls.length = 0
    tick(1_000)
    await Promise.all(Array.from({ length: 20 }, (_, i) => post(call(i, 'eth_blockNumber'))))
    expect(node.calls).toEqual(['eth_getBlockByNumber'])

    node.down = false
    tick(1_000)
    expect(await (await post(call(1, 'eth_blockNumber'))).json()).toEqual({
      jsonrpc: '2.0',
      id: 1,
      result: '0x64',
    })
  })

  it('coalesces identical reads per block: fifty visitors cost the node one request each', async () => {
    const { post, node, tick } = setup()
    await post(call(0, 'eth_blockNumber'))
    node.calls.length = 0
    // Fifty visitors poll the head and read the pool and the new logs at that block.
    const visitors = Array.from({ length: 50 }, (_, i) => i)
    await Promise.all(visitors.map((i) => post(call(i, 'eth_blockNumber'))))
    await Promise.all(visitors.map((i) => post(lensRead(i))))
    await Promise.all(
      visitors.map((i) =>
        post(call(i, 'eth_getLogs', [{ address: CORE, fromBlock: '0x60', toBlock: '0x64' }])),
      ),
    )
    expect(node.calls).toEqual(['eth_call', 'eth_getLogs'])

    // A new block: one head probe, then one read of each again.
    node.head = 101n
    tick(1_000)
    node.calls.length = 0
    await Promise.all(visitors.map((i) => post(call(i, 'eth_blockNumber'))))
    await Promise.all(visitors.map((i) => post(lensRead(i, '0x65'))))
    expect(node.calls).toEqual(['eth_getBlockByNumber', 'eth_call'])
  })

  it('tells two heads of the same height apart: nothing is shared across a reorg', async () => {
    const { post, node, tick } = setup()
    await post(lensRead(1))
    node.calls.length = 0
    // The chain reorganises (or a local chain is reverted and mined again): same height, new block.
    node.fork = 1
    tick(1_000)
    await post(lensRead(2))
    expect(node.calls).toEqual(['eth_getBlockByNumber', 'eth_call'])
  })

  it('keeps answers about past blocks while the chain grows, and drops them on a reorg', async () => {
    const { post, node, tick } = setup()
    const history = (id: number) =>
      call(id, 'eth_getLogs', [{ address: CORE, fromBlock: '0x60', toBlock: '0x64' }])
    await post(history(1))
    node.calls.length = 0
    // Two new blocks on top: the logs of blocks 96–100 cannot have changed.
    for (const head of [101n, 102n]) {
      node.head = head
      tick(1_000)
      await post(history(2))
    }
    expect(node.calls).toEqual(['eth_getBlockByNumber', 'eth_getBlockByNumber'])
    // A reorg: the new head's parent is not the head the route knew; history is read again.
    node.fork = 1
    node.head = 103n
    tick(1_000)
    node.calls.length = 0
    await post(history(3))
    expect(node.calls).toEqual(['eth_getBlockByNumber', 'eth_getLogs'])
  })

  it('never serves answers from an abandoned branch, even when the common blocks are identical', async () => {
    // A local chain reverted to a snapshot re-mines blocks identical to the abandoned ones, then
    // diverges: what was read on the abandoned branch about its later blocks must not be served.
    const { post, node, tick } = setup()
    const logsUpTo102 = (id: number) =>
      call(id, 'eth_getLogs', [{ address: CORE, fromBlock: '0x64', toBlock: '0x66' }])
    for (const head of [100n, 101n, 102n]) {
      node.head = head
      tick(1_000)
      await post(call(0, 'eth_blockNumber'))
    }
    await post(logsUpTo102(1))
    // Revert to 100 (the same block as before), then blocks 101 and 102 of another branch.
    node.forkFrom = 101n
    node.fork = 2
    node.calls.length = 0
    for (const head of [100n, 101n, 102n]) {
      node.head = head
      tick(1_000)
      await post(call(0, 'eth_blockNumber'))
    }
    await post(logsUpTo102(2))
    expect(node.calls.filter((m) => m === 'eth_getLogs')).toEqual(['eth_getLogs'])
  })

  it('shares a request still in flight', async () => {
    const { post, node } = setup()
    await post(call(0, 'eth_blockNumber'))
    node.delayMs = 20
    node.calls.length = 0
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => post(lensRead(i))))
    expect(answers.every((a) => a.status === 200)).toBe(true)
    expect(node.calls).toEqual(['eth_call'])
  })

  it('forwards personal reads each time (a simulation from an account, a nonce)', async () => {
    const { post, node } = setup()
    await post(call(0, 'eth_blockNumber'))
    node.calls.length = 0
    const simulate = (id: number) =>
      call(id, 'eth_call', [{ from: ACCOUNT, to: CORE, data: '0x01' }, 'latest'])
    await Promise.all([post(simulate(1)), post(simulate(2)), post(simulate(3))])
    await Promise.all([1, 2].map((i) => post(call(i, 'eth_getTransactionCount', [ACCOUNT, 'pending']))))
    expect(node.calls).toEqual([
      'eth_call',
      'eth_call',
      'eth_call',
      'eth_getTransactionCount',
      'eth_getTransactionCount',
    ])
  })

  it('says it is busy rather than queueing without end', async () => {
    const { post, node } = setup({ limits: { upstreamConcurrency: 1, upstreamMaxWaiting: 1 } })
    await post(call(0, 'eth_blockNumber'))
    node.delayMs = 30
    const distinct = (i: number) => call(i, 'eth_call', [{ to: LENS, data: `0x0${i}` }, 'latest'])
    const responses = await Promise.all([post(distinct(1)), post(distinct(2)), post(distinct(3))])
    expect(responses.map((r) => r.status).sort()).toEqual([200, 200, 503])
    const busy = responses.find((r) => r.status === 503) as Response
    expect((await busy.json()).error).toEqual({ code: -32005, message: busyMessage })
  })
})

describe('the server’s own reads through the proxy (forward)', () => {
  it('shares the policy and the coalescer with the browser’s requests', async () => {
    const { proxy, post, node } = setup()
    expect(await proxy.forward('eth_call', [{ to: LENS, data: '0xabcdef01' }, '0x64'])).toEqual({
      response: { jsonrpc: '2.0', id: 1, result: '0x01' },
    })
    // The browser's identical read at the same block is answered from the same upstream call.
    await post(lensRead(9))
    expect(node.calls.filter((m) => m === 'eth_call')).toHaveLength(1)
  })

  it('refuses what the policy refuses, and says the node is down in words', async () => {
    const { proxy, node } = setup()
    const refused = await proxy.forward('eth_call', [{ to: ACCOUNT, data: '0x' }, 'latest'])
    expect(refused.failure).toBeUndefined()
    expect('error' in refused.response && refused.response.error.code).toBeTruthy()
    expect(node.calls).not.toContain('eth_call')
    node.down = true
    const down = await proxy.forward('eth_call', [{ to: LENS, data: '0xabcdef01' }, '0x63'])
    expect(down).toMatchObject({
      failure: 'unavailable',
      response: { error: { message: unavailableMessage } },
    })
  })
})
