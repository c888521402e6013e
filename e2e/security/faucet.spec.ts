/**
 * The faucet answers only the site's own pages: a same-origin JSON POST from the stake page is served;
 * a request from another site, one that is not JSON, one without an Origin (not from a page) and a GET
 * are refused, in words. (Every refusal, the rate limits, the bounded queue and a non-local chain are
 * also unit-tested in lib/wallet/faucet-handler.test.ts.)
 */
import { parseEther } from 'viem'
import { devAccount, FREE_DEV_INDEXES } from '@/lib/network/accounts'
import { E2E_APP_URL, E2E_CHAIN_READY_URL } from '../support/env'
import { expect, test } from '../support/fixtures'

const account = devAccount(FREE_DEV_INDEXES[1]).address
const body = { address: account }

test('funds an account asked for by the app’s own page', async ({ page, protocol }) => {
  await page.goto('/stake')
  const before = await protocol.balanceOf(account)
  const status = await page.evaluate(async (address) => {
    const response = await fetch('/api/faucet', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ address }),
    })
    return response.status
  }, account)
  expect(status).toBe(200)
  expect(await protocol.balanceOf(account)).toBe(before + parseEther('10000'))
})

test('refuses requests that do not come from the app’s own pages, in words', async ({ request }) => {
  const crossSite = await request.post('/api/faucet', {
    data: body,
    headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
  })
  expect(crossSite.status()).toBe(403)
  expect((await crossSite.json()).error).toBe(
    'The faucet answers only this site’s own pages; this request came from elsewhere.',
  )
  const noOrigin = await request.post('/api/faucet', { data: body })
  expect(noOrigin.status()).toBe(403)

  const plain = await request.post('/api/faucet', {
    data: JSON.stringify(body),
    headers: { 'content-type': 'text/plain', origin: E2E_APP_URL },
  })
  expect(plain.status()).toBe(415)
  expect((await plain.json()).error).toBe(
    'Send the faucet request as application/json: { "address": "0x…" }.',
  )

  const get = await request.get('/api/faucet')
  expect(get.status()).toBe(405)
  expect((await get.json()).error).toBe('Ask the faucet with a POST.')

  const badAddress = await request.post('/api/faucet', {
    data: { address: '0x1234' },
    headers: { origin: E2E_APP_URL },
  })
  expect(badAddress.status()).toBe(400)
})

test('another site cannot make a visitor’s browser use the faucet', async ({ page, protocol }) => {
  const before = await protocol.balanceOf(account)
  // A page on another origin (the chain server's readiness port) tries both ways a form or a script can.
  await page.goto(E2E_CHAIN_READY_URL)
  const outcomes = await page.evaluate(
    async ({ url, address }) => {
      const simple = await fetch(url, {
        method: 'POST',
        mode: 'no-cors',
        headers: { 'content-type': 'text/plain' },
        body: JSON.stringify({ address }),
      }).then(
        (r) => r.type,
        () => 'blocked',
      )
      const json = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ address }),
      }).then(
        (r) => String(r.status),
        () => 'blocked',
      )
      return { simple, json }
    },
    { url: `${E2E_APP_URL}/api/faucet`, address: account },
  )
  // The simple request went out (opaque to the page) and was refused; the JSON one needs a CORS
  // preflight, which the app never grants.
  expect(outcomes).toEqual({ simple: 'opaque', json: 'blocked' })
  expect(await protocol.balanceOf(account)).toBe(before)
})
