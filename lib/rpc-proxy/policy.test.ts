import { describe, expect, it } from 'vitest'
import { rpcErrorCodes } from './json-rpc'
import { createPolicyChecker, type RpcPolicy } from './policy'

const LENS = '0x00000000000000000000000000000000000000a1'
const CORE = '0x00000000000000000000000000000000000000a2'
const STRANGER = '0x00000000000000000000000000000000000000ff'
const ACCOUNT = '0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc'
const HASH = `0x${'ab'.repeat(32)}`

const policy: RpcPolicy = { contracts: [LENS, CORE], allowRawTransactions: false, maxLogRange: 2_000n }
const check = createPolicyChecker(policy)
const HEAD = 10_000n

function verdict(method: string, params: unknown[] = [], checker = check) {
  return checker({ jsonrpc: '2.0', id: 1, method, params }, HEAD)
}

describe('the RPC allowlist', () => {
  it('serves the reads the app makes, with their parameters checked', () => {
    const allowed: [string, unknown[]][] = [
      ['eth_chainId', []],
      ['eth_blockNumber', []],
      ['eth_gasPrice', []],
      ['eth_maxPriorityFeePerGas', []],
      ['eth_feeHistory', ['0x4', 'latest', [25, 75]]],
      ['eth_getBalance', [ACCOUNT, 'latest']],
      ['eth_getTransactionCount', [ACCOUNT, 'pending']],
      ['eth_getBlockByNumber', ['latest', false]],
      ['eth_getBlockByNumber', ['0x10', true]],
      ['eth_getBlockByHash', [HASH, false]],
      ['eth_getTransactionByHash', [HASH]],
      ['eth_getTransactionReceipt', [HASH]],
      ['eth_getTransactionBySenderAndNonce', [ACCOUNT, '0x3']],
      ['eth_call', [{ to: LENS, data: '0x12345678' }, '0x10']],
      ['eth_call', [{ to: CORE.toUpperCase().replace('0X', '0x'), data: '0x' }, { blockHash: HASH }]],
      ['eth_estimateGas', [{ from: ACCOUNT, to: CORE, data: '0xabcd', value: '0x0' }]],
      ['eth_getLogs', [{ address: CORE, fromBlock: '0x1', toBlock: '0x7d0' }]],
      ['eth_getLogs', [{ address: [CORE, LENS], blockHash: HASH, topics: [HASH, null, [HASH, HASH]] }]],
    ]
    for (const [method, params] of allowed) {
      expect(verdict(method, params), `${method} ${JSON.stringify(params)}`).toMatchObject({ ok: true })
    }
  })

  it('refuses signing, sending, node administration and unknown methods, in words', () => {
    for (const method of [
      'eth_sendTransaction',
      'eth_sign',
      'eth_signTypedData_v4',
      'personal_sign',
      'wallet_switchEthereumChain',
      'eth_sendRawTransaction',
      'anvil_setBalance',
      'evm_mine',
      'debug_traceTransaction',
      'admin_peers',
      'eth_accounts',
      'txpool_content',
      '__proto__',
      'constructor',
    ]) {
      const v = verdict(method, method === 'eth_sendRawTransaction' ? ['0x01'] : [])
      expect(v, method).toMatchObject({ ok: false, error: { code: rpcErrorCodes.methodNotFound } })
      if (!v.ok) expect(v.error.message).toMatch(/is not served by this app: /)
    }
    const send = verdict('eth_sendTransaction')
    expect(!send.ok && send.error.message).toBe(
      'eth_sendTransaction is not served by this app: signing and sending go through your wallet.',
    )
  })

  it('forwards raw transactions only where the policy allows them (the local chain’s dev account)', () => {
    const local = createPolicyChecker({ ...policy, allowRawTransactions: true })
    expect(verdict('eth_sendRawTransaction', ['0x02f8'], local)).toEqual({ ok: true, sharing: 'none' })
    expect(verdict('eth_sendRawTransaction', ['not hex'], local)).toMatchObject({ ok: false })
  })

  it('calls only the deployment’s own contracts, by address', () => {
    const v = verdict('eth_call', [{ to: STRANGER, data: '0x' }, 'latest'])
    expect(v).toEqual({
      ok: false,
      error: {
        code: rpcErrorCodes.methodNotFound,
        message: `eth_call: only the pool's own contracts can be called through this app (${STRANGER} is not one of them).`,
      },
    })
    expect(verdict('eth_estimateGas', [{ to: STRANGER }])).toMatchObject({ ok: false })
    expect(verdict('eth_call', [{ data: '0x' }, 'latest'])).toMatchObject({ ok: false })
  })

  it('refuses state overrides and unknown call fields', () => {
    expect(verdict('eth_call', [{ to: LENS }, 'latest', { [LENS]: { code: '0x00' } }])).toMatchObject({
      ok: false,
      error: { code: rpcErrorCodes.limitExceeded },
    })
    expect(verdict('eth_call', [{ to: LENS, blobs: [] }, 'latest'])).toMatchObject({ ok: false })
  })

  it('shares history while the chain grows, head reads per head, and never a simulation or pending state', () => {
    const sharing = (method: string, params: unknown[]) => {
      const v = verdict(method, params)
      return v.ok
        ? typeof v.sharing === 'object'
          ? `pinned to ${v.sharing.pinnedTo}`
          : v.sharing
        : v.error.message
    }
    // At an explicit block at or below the head (10,000 = 0x2710): history.
    expect(sharing('eth_call', [{ to: LENS, data: '0x' }, '0x10'])).toBe('pinned to 16')
    expect(sharing('eth_call', [{ to: LENS, data: '0x' }, { blockHash: HASH }])).toBe('pinned to 0')
    expect(sharing('eth_getLogs', [{ address: CORE, fromBlock: '0x1', toBlock: '0x10' }])).toBe(
      'pinned to 16',
    )
    expect(sharing('eth_getBlockByNumber', ['0x2710', false])).toBe('pinned to 10000')
    // Beyond the head, or at a tag: only while the head is the same.
    expect(sharing('eth_call', [{ to: LENS, data: '0x' }, '0x2711'])).toBe('head')
    expect(sharing('eth_call', [{ to: LENS, data: '0x' }, 'latest'])).toBe('head')
    expect(sharing('eth_call', [{ to: LENS, data: '0x' }])).toBe('head')
    expect(sharing('eth_getLogs', [{ address: CORE, fromBlock: '0x2700' }])).toBe('head')
    expect(sharing('eth_getTransactionReceipt', [HASH])).toBe('head')
    // Personal, or pending: never.
    expect(sharing('eth_call', [{ from: ACCOUNT, to: CORE, data: '0x' }, '0x10'])).toBe('none')
    expect(sharing('eth_call', [{ to: LENS, data: '0x' }, 'pending'])).toBe('none')
    expect(sharing('eth_getTransactionCount', [ACCOUNT, 'latest'])).toBe('none')
    expect(sharing('eth_estimateGas', [{ to: CORE }])).toBe('none')
  })

  it('bounds eth_getLogs to 2,000 blocks and to the deployment’s contracts', () => {
    expect(verdict('eth_getLogs', [{ address: CORE, fromBlock: '0x1', toBlock: '0x7d0' }])).toMatchObject({
      ok: true,
    })
    expect(verdict('eth_getLogs', [{ address: CORE, fromBlock: '0x1', toBlock: '0x7d1' }])).toEqual({
      ok: false,
      error: {
        code: rpcErrorCodes.limitExceeded,
        message:
          'eth_getLogs: at most 2,000 blocks per request; this one asks for 2,001 (blocks 1 to 2,001). Split the range.',
      },
    })
    // Tags count from the head the route knows: earliest → latest is the whole chain.
    expect(
      verdict('eth_getLogs', [{ address: CORE, fromBlock: 'earliest', toBlock: 'latest' }]),
    ).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('asks for 10,001') },
    })
    expect(verdict('eth_getLogs', [{ address: CORE, fromBlock: '0x2328' }])).toMatchObject({ ok: true })
    expect(verdict('eth_getLogs', [{ fromBlock: '0x1', toBlock: '0x2' }])).toMatchObject({
      ok: false,
      error: { code: rpcErrorCodes.methodNotFound },
    })
    expect(verdict('eth_getLogs', [{ address: STRANGER, fromBlock: '0x1', toBlock: '0x2' }])).toMatchObject({
      ok: false,
    })
    expect(verdict('eth_getLogs', [{ address: CORE, blockHash: HASH, fromBlock: '0x1' }])).toMatchObject({
      ok: false,
    })
    expect(
      verdict('eth_getLogs', [
        { address: CORE, topics: [[HASH, HASH, HASH, HASH, HASH, HASH, HASH, HASH, HASH]] },
      ]),
    ).toMatchObject({
      ok: false,
    })
  })

  it('checks parameter shapes', () => {
    for (const [method, params] of [
      ['eth_chainId', ['extra']],
      ['eth_getBalance', ['0x1234']],
      ['eth_getBalance', [ACCOUNT, 'yesterday']],
      ['eth_getTransactionReceipt', ['0x1234']],
      ['eth_getBlockByNumber', [{ blockHash: HASH }, false]],
      ['eth_getBlockByNumber', ['latest', 'yes']],
      ['eth_feeHistory', ['0x401', 'latest', []]],
      ['eth_feeHistory', ['0x4', 'latest', [101]]],
      ['eth_getTransactionBySenderAndNonce', [ACCOUNT, 3]],
    ] as const) {
      expect(verdict(method, [...params]), `${method} ${JSON.stringify(params)}`).toMatchObject({ ok: false })
    }
  })
})
