import type { Address } from 'viem'
import { describe, expect, it } from 'vitest'
import type { ServerChain } from '@/lib/chain/settings'
import { FaucetError, type FundReturnType } from './faucet'
import { createFaucetHandler, type FaucetLimits, faucetLimitsFromEnv } from './faucet-handler'

const ALICE = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC'
const BOB = '0x90F79bf6EB2c4f870365E785982E1f101E93b906'
const APP = 'http://app.test'
const SECRET = 'k3y-secret-path'

function chain({ chainId = 31337, enabled = true } = {}): ServerChain {
  return {
    status: 'ready',
    env: {
      chainId,
      rpcUrl: `https://rpc.example.org/${SECRET}`,
      publicRpcUrl: '/api/rpc',
      deploymentsFile: '/srv/app/deployments/31337.json',
      localChain: chainId === 31337,
      faucetEnabled: enabled,
      explorerUrl: null,
    },
    settings: {} as never,
    deployment: { addresses: { token: '0x00000000000000000000000000000000000000a1' } } as never,
  }
}

const funded: FundReturnType = { tko: 10n ** 22n, eth: 10n ** 20n, balance: 10n ** 22n }

function setup({
  serverChain = chain(),
  limits,
  fund = async () => funded,
}: {
  serverChain?: ServerChain
  limits?: Partial<FaucetLimits>
  fund?: (to: Address) => Promise<FundReturnType>
} = {}) {
  let clock = 0
  const logs: string[] = []
  const handle = createFaucetHandler({
    loadChain: async () => serverChain,
    fund: (_chain, to) => fund(to),
    limits: { perAddress: 2, perClient: 10, total: 60, windowMs: 60_000, maxWaiting: 4, ...limits },
    log: (message) => logs.push(message),
    redact: (text) => text.split(SECRET).join('[redacted]'),
    now: () => clock,
  })
  const post = (
    body: unknown,
    headers: Record<string, string | null> = {},
    init: { method?: string } = {},
  ) => {
    const all: Record<string, string> = {}
    const merged = {
      'content-type': 'application/json',
      origin: APP,
      host: 'app.test',
      'sec-fetch-site': 'same-origin',
      'x-forwarded-for': '203.0.113.7',
      ...headers,
    }
    for (const [k, v] of Object.entries(merged)) if (v !== null) all[k] = v
    return handle(
      new Request(`${APP}/api/faucet`, {
        method: init.method ?? 'POST',
        headers: all,
        body: init.method === 'GET' ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      }),
    )
  }
  return {
    post,
    logs,
    tick: (ms: number) => {
      clock += ms
    },
  }
}

async function refusal(response: Response) {
  return { status: response.status, error: ((await response.json()) as { error: string }).error }
}

describe('the faucet route', () => {
  it('funds an address asked for by the site’s own page', async () => {
    const { post } = setup()
    const response = await post({ address: ALICE.toLowerCase() })
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({
      tko: funded.tko.toString(),
      eth: funded.eth.toString(),
      balance: funded.balance.toString(),
    })
  })

  it('does not exist on a chain other than the local one, even when enabled', async () => {
    const { post } = setup({ serverChain: chain({ chainId: 1 }) })
    expect(await refusal(await post({ address: ALICE }))).toEqual({
      status: 404,
      error:
        'There is no faucet here: it exists only on the local chain (31337), and this app reads chain 1.',
    })
  })

  it('does not exist unless the operator enables it', async () => {
    const { post } = setup({ serverChain: chain({ enabled: false }) })
    expect(await refusal(await post({ address: ALICE }))).toEqual({
      status: 404,
      error: 'There is no faucet here: the operator has not enabled it (FAUCET_ENABLED=1; npm start does).',
    })
  })

  it('says the deployment is missing without a server path', async () => {
    const serverChain: ServerChain = {
      status: 'no-deployment',
      env: (chain() as Extract<ServerChain, { status: 'ready' }>).env,
      reason: 'The server has no deployment of the contracts for chain 31337.',
      logDetail: 'No deployments file at /srv/app/deployments/31337.json.',
    }
    const { post } = setup({ serverChain })
    const { status, error } = await refusal(await post({ address: ALICE }))
    expect(status).toBe(503)
    expect(error).not.toContain('/srv/app')
  })

  it('accepts only a JSON POST', async () => {
    const { post } = setup()
    expect(
      await refusal(await post(JSON.stringify({ address: ALICE }), { 'content-type': 'text/plain' })),
    ).toEqual({
      status: 415,
      error: 'Send the faucet request as application/json: { "address": "0x…" }.',
    })
    expect((await post(null, {}, { method: 'GET' })).status).toBe(405)
  })

  it('refuses a request from another site, or from no page at all', async () => {
    const { post } = setup()
    const crossSite = await refusal(
      await post({ address: ALICE }, { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }),
    )
    expect(crossSite).toEqual({
      status: 403,
      error: 'The faucet answers only this site’s own pages; this request came from elsewhere.',
    })
    expect(
      (await post({ address: ALICE }, { origin: 'https://evil.example', 'sec-fetch-site': null })).status,
    ).toBe(403)
    expect((await post({ address: ALICE }, { origin: null, 'sec-fetch-site': null })).status).toBe(403)
  })

  it('refuses a body without an address, or too large', async () => {
    const { post } = setup()
    expect(await refusal(await post({ address: '0x1234' }))).toEqual({
      status: 400,
      error: 'Send { "address": "0x…" } with the account to fund.',
    })
    expect((await post('not json')).status).toBe(400)
    expect((await post({ address: ALICE, padding: 'x'.repeat(2_000) })).status).toBe(413)
  })

  it('limits how often one address is funded, and says when it may ask again', async () => {
    const { post, tick } = setup()
    expect((await post({ address: ALICE })).status).toBe(200)
    tick(5_000)
    expect((await post({ address: ALICE })).status).toBe(200)
    tick(10_000)
    const third = await post({ address: ALICE })
    expect(third.status).toBe(429)
    expect(third.headers.get('retry-after')).toBe('45')
    expect((await third.json()).error).toBe(
      `${ALICE} got test tokens 10 s ago (at most 2 per 60 s per address). Try again in 45 s.`,
    )
    // Another address from the same client is still served.
    expect((await post({ address: BOB })).status).toBe(200)
    tick(45_000)
    expect((await post({ address: ALICE })).status).toBe(200)
  })

  it('limits how often one client asks, whatever the address', async () => {
    const { post } = setup({ limits: { perClient: 3, perAddress: 100 } })
    for (let i = 0; i < 3; i++) expect((await post({ address: ALICE })).status).toBe(200)
    expect(await refusal(await post({ address: BOB }))).toEqual({
      status: 429,
      error: 'You have asked the faucet too often (3 per 60 s per client). Try again in 60 s.',
    })
    // Another client is still served.
    expect((await post({ address: BOB }, { 'x-forwarded-for': '198.51.100.1' })).status).toBe(200)
  })

  it('caps the total, so forged client addresses do not get around the limits', async () => {
    const { post } = setup({ limits: { total: 3, perClient: 100, perAddress: 100 } })
    for (let i = 0; i < 3; i++) {
      expect((await post({ address: ALICE }, { 'x-forwarded-for': `10.0.0.${i}` })).status).toBe(200)
    }
    expect(await refusal(await post({ address: ALICE }, { 'x-forwarded-for': '10.0.0.9' }))).toEqual({
      status: 429,
      error: 'The faucet has handed out all it may for now (3 per 60 s). Try again in 60 s.',
    })
  })

  it('queues a few requests and refuses the rest at once', async () => {
    let release: () => void = () => undefined
    const gate = new Promise<void>((resolve) => {
      release = resolve
    })
    const { post } = setup({
      limits: { maxWaiting: 1, perAddress: 100 },
      fund: async () => {
        await gate
        return funded
      },
    })
    const first = post({ address: ALICE }, { 'x-forwarded-for': '10.0.0.1' })
    const second = post({ address: ALICE }, { 'x-forwarded-for': '10.0.0.2' })
    const third = await post({ address: ALICE }, { 'x-forwarded-for': '10.0.0.3' })
    expect(await refusal(third)).toEqual({
      status: 503,
      error: 'The faucet is busy: 1 requests are waiting. Try again in a few seconds.',
    })
    release()
    expect((await first).status).toBe(200)
    expect((await second).status).toBe(200)
  })

  it('passes on the funder’s own refusal (the node is not the local chain)', async () => {
    const { post } = setup({
      fund: async () => {
        throw new FaucetError(403, 'The node is chain 1, not the local chain 31337: no faucet.')
      },
    })
    expect(await refusal(await post({ address: ALICE }))).toEqual({
      status: 403,
      error: 'The node is chain 1, not the local chain 31337: no faucet.',
    })
  })

  it('reports an unexpected failure in words, and logs the details without the secret', async () => {
    const { post, logs } = setup({
      fund: async () => {
        throw new Error(`HTTP request failed. URL: https://rpc.example.org/${SECRET}`)
      },
    })
    const response = await post({ address: ALICE })
    const text = await response.text()
    expect(response.status).toBe(500)
    expect(text).not.toContain(SECRET)
    expect(text).not.toContain('rpc.example.org')
    expect(logs).toEqual([
      `[api/faucet] funding ${ALICE} failed: HTTP request failed. URL: https://rpc.example.org/[redacted]`,
    ])
  })
})

describe('faucetLimitsFromEnv', () => {
  it('reads the per-address and per-client limits, ignoring nonsense', () => {
    expect(
      faucetLimitsFromEnv({ FAUCET_PER_ADDRESS_PER_MINUTE: '5', FAUCET_PER_CLIENT_PER_MINUTE: '500' }),
    ).toMatchObject({
      perAddress: 5,
      perClient: 500,
      total: 500,
    })
    expect(faucetLimitsFromEnv({ FAUCET_PER_ADDRESS_PER_MINUTE: '-1' })).toMatchObject({
      perAddress: 2,
      perClient: 10,
    })
  })
})
