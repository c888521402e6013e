/**
 * Security headers on every response, set at runtime (proxy.ts): the Content-Security-Policy with a
 * fresh nonce that Next.js's own scripts carry, no framing, nosniff, the referrer and permissions
 * policies, and HSTS only over HTTPS. The rest of the suite runs under the same CSP (the fixtures
 * fail a test on any violation).
 */
import type { APIResponse } from '@playwright/test'
import { E2E_APP_URL, E2E_KEYED_RPC_PORT, E2E_RPC_SECRET } from '../support/env'
import { expect, test } from '../support/fixtures'

function expectSecurityHeaders(response: APIResponse, what: string) {
  const headers = response.headers()
  const csp = headers['content-security-policy'] ?? ''
  expect(csp, `${what}: CSP`).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/)
  expect(csp, `${what}: CSP`).toContain("frame-ancestors 'none'")
  expect(csp, `${what}: CSP`).toContain("connect-src 'self'")
  expect(csp, `${what}: CSP`).toContain("object-src 'none'")
  expect(csp, `${what}: CSP`).not.toContain('unsafe-eval')
  expect(csp, `${what}: CSP`).not.toContain(E2E_RPC_SECRET)
  expect(csp, `${what}: CSP`).not.toContain(String(E2E_KEYED_RPC_PORT))
  expect(headers['x-content-type-options'], what).toBe('nosniff')
  expect(headers['x-frame-options'], what).toBe('DENY')
  expect(headers['referrer-policy'], what).toBe('same-origin')
  expect(headers['permissions-policy'], what).toContain('camera=()')
  // Served over plain HTTP here: no HSTS.
  expect(headers['strict-transport-security'], what).toBeUndefined()
}

test('every kind of response carries the security headers', async ({ request, deployment }) => {
  const page = await request.get('/')
  expectSecurityHeaders(page, '/')
  const html = await page.text()
  const chunk = html.match(/src="(\/_next\/static\/[^"]+\.js)"/)?.[1]
  expect(chunk, 'a script chunk in the page').toBeTruthy()
  const routes = [
    '/provers',
    `/provers/${deployment.addresses.protocol}`,
    '/fees',
    '/stake',
    '/no-such-page',
    '/icon.svg',
    '/api/faucet',
    chunk as string,
  ]
  for (const route of routes) expectSecurityHeaders(await request.get(route), route)
  const rpc = await request.post('/api/rpc', {
    data: { jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] },
  })
  expect(rpc.ok()).toBe(true)
  expectSecurityHeaders(rpc, 'POST /api/rpc')
})

test('the nonce is new for every response, and every script of the page carries it', async ({ request }) => {
  const nonceOf = (response: APIResponse) =>
    response.headers()['content-security-policy']?.match(/'nonce-([^']+)'/)?.[1] ?? ''
  const first = await request.get('/stake')
  const second = await request.get('/stake')
  const nonce = nonceOf(first)
  expect(nonce.length).toBeGreaterThanOrEqual(16)
  expect(nonceOf(second)).not.toBe(nonce)
  const scripts = (await first.text()).match(/<script\b[^>]*>/g) ?? []
  expect(scripts.length).toBeGreaterThan(0)
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`)
})

test('HSTS is sent when the app is served over HTTPS (behind a TLS proxy)', async ({ request }) => {
  const response = await request.get('/', { headers: { 'x-forwarded-proto': 'https' } })
  expect(response.headers()['strict-transport-security']).toBe('max-age=63072000; includeSubDomains')
  expect(response.headers()['content-security-policy']).toContain('upgrade-insecure-requests')
})

test.describe('framing', () => {
  test.use({ allowCspViolations: true })

  test('another site cannot frame the signing page (clickjacking)', async ({ page }) => {
    const refused: string[] = []
    page.on('console', (message) => {
      if (message.text().includes("frame-ancestors 'none'")) refused.push(message.text())
    })
    await page.setContent(
      `<iframe title="framed" src="${E2E_APP_URL}/stake" width="800" height="600"></iframe>`,
    )
    await expect.poll(() => refused.length).toBeGreaterThan(0)
    const frame = page.frames().find((f) => f !== page.mainFrame())
    await expect(frame?.getByRole('heading', { name: 'Stake' }) ?? page.locator('nothing')).toHaveCount(0)
  })
})
