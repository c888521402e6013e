/**
 * The app reads a keyed RPC endpoint (RPC_URL = http://127.0.0.1:<port>/<secret>, as behind a
 * provider), and neither the key, nor that URL, nor a path of the server's files reaches the browser:
 * no page, no script, no RSC payload, no API response, no header, with the node up or down.
 */
import type { Page, Request } from '@playwright/test'
import {
  E2E_DEPLOYMENTS_FILE,
  E2E_KEYED_RPC_PORT,
  E2E_RPC_SECRET,
  E2E_UPSTREAM_CONTROL_URL,
  repoRoot,
} from '../support/env'
import { expect, test } from '../support/fixtures'

// Every page twice over (up and down), with every response read back: more than the default minute.
test.describe.configure({ timeout: 180_000 })

const secrets = [E2E_RPC_SECRET, `127.0.0.1:${E2E_KEYED_RPC_PORT}`, repoRoot, E2E_DEPLOYMENTS_FILE]

type Seen = { url: string; text: string }

/**
 * Records every response the page receives in full (body and headers) while `visit` runs. Read on
 * `requestfinished` (the body is complete then): a request the page cancels, such as a link prefetch
 * cut short by the next navigation, never delivers a body to read.
 */
async function collect(page: Page, visit: () => Promise<void>): Promise<Seen[]> {
  const seen: Seen[] = []
  const pending: Promise<void>[] = []
  const onFinished = (request: Request) => {
    pending.push(
      (async () => {
        const response = await request.response()
        if (!response) return
        const headers = JSON.stringify(await response.allHeaders())
        const body = await response.text().catch(() => '')
        seen.push({ url: response.url(), text: `${headers}\n${body}` })
      })(),
    )
  }
  page.on('requestfinished', onFinished)
  await visit()
  seen.push({ url: `${page.url()} (DOM)`, text: await page.content() })
  page.off('requestfinished', onFinished)
  await Promise.all(pending)
  return seen
}

function expectNoSecrets(seen: Seen[]) {
  expect(seen.length).toBeGreaterThan(5)
  for (const { url, text } of seen) {
    for (const secret of secrets) {
      expect(text.includes(secret), `${url} contains "${secret}"`).toBe(false)
    }
  }
}

async function visitEverything(page: Page, prover: string, expectation: 'live' | 'down') {
  for (const path of ['/', '/provers', `/provers/${prover}`, '/fees', '/stake', '/no-such-page']) {
    await page.goto(path)
    if (path === '/no-such-page') continue
    if (expectation === 'live') {
      await expect(page.getByRole('status', { name: 'Network status' })).toContainText('Live')
    } else {
      await expect(page.getByRole('alert').filter({ hasText: 'The chain cannot be reached' })).toBeVisible()
    }
  }
  // What the browser's code asks the app: a read, a refused method, a malformed request, the faucet.
  await page.goto('/stake')
  await page.evaluate(async () => {
    // Each body is read to the end, so the response is complete (and recorded) before moving on.
    const rpc = (body: string) =>
      fetch('/api/rpc', { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then((r) =>
        r.text(),
      )
    await rpc(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_blockNumber', params: [] }))
    await rpc(JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'eth_sendTransaction', params: [{}] }))
    await rpc(
      JSON.stringify({ jsonrpc: '2.0', id: 3, method: 'eth_getLogs', params: [{ fromBlock: '0x0' }] }),
    )
    await rpc('{not json')
    // The decoded reads (app/api/pool, app/api/staker), good and bad.
    await fetch('/api/pool?block=1').then((r) => r.text())
    await fetch('/api/pool?block=latest').then((r) => r.text())
    await fetch('/api/staker?address=0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC&block=1').then((r) =>
      r.text(),
    )
    await fetch('/api/faucet', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ address: '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC' }),
    }).then((r) => r.text())
    await fetch('/api/faucet').then((r) => r.text())
  })
}

test('with the node up, the keyed RPC URL and server paths reach no page, script or response', async ({
  page,
  protocol,
}) => {
  const prover = (await protocol.getPool()).provers[0]?.prover ?? ''
  const seen = await collect(page, () => visitEverything(page, prover, 'live'))
  // The browser's own reads went through the app: scripts and responses were inspected.
  expect(seen.some((s) => s.url.includes('/_next/static/'))).toBe(true)
  expect(seen.some((s) => s.url.endsWith('/api/rpc'))).toBe(true)
  expectNoSecrets(seen)
})

test('with the node down, the pages say so in words, and still leak nothing', async ({
  page,
  request,
  protocol,
}) => {
  const prover = (await protocol.getPool()).provers[0]?.prover ?? ''
  await request.post(`${E2E_UPSTREAM_CONTROL_URL}/down`)
  try {
    const seen = await collect(page, () => visitEverything(page, prover, 'down'))
    expectNoSecrets(seen)
    const rpc = seen.filter((s) => s.url.endsWith('/api/rpc'))
    expect(rpc.some((s) => s.text.includes('The chain node did not answer'))).toBe(true)
    const pool = seen.find((s) => s.url.endsWith('/api/pool?block=1'))
    expect(pool?.text, 'the pool route says the node did not answer').toContain(
      'The chain node did not answer',
    )
    const faucet = seen.find((s) => s.url.endsWith('/api/faucet') && s.text.includes('did not answer'))
    expect(faucet, 'the faucet says the node did not answer').toBeTruthy()
  } finally {
    await request.post(`${E2E_UPSTREAM_CONTROL_URL}/up`)
  }
  await page.goto('/')
  await expect(page.getByRole('status', { name: 'Network status' })).toContainText('Live')
})
