/**
 * Stale data is never shown as live: when the lens call fails while the node still answers the
 * block-number poll, the header and the pool panel say the data is stale and how old it is, and both
 * recover by themselves once the lens answers again.
 */
import type { Route } from '@playwright/test'
import { expect, test } from '../support/fixtures'

const APP_RPC = '**/api/rpc'

test('a failing lens call is shown as stale, with the data’s age, and recovers by itself', async ({
  overviewPage,
  page,
  chain,
  deployment,
}) => {
  await overviewPage.goto()
  await expect(overviewPage.networkStatus).toContainText('Live')
  const backlog = (await overviewPage.tile('Backlog').textContent()) ?? ''

  // The node answers everything but the lens call (as a node that lost the state of a block would).
  const lens = deployment.addresses.lens.toLowerCase()
  const failLens = async (route: Route) => {
    const body = route.request().postDataJSON() as {
      id?: number
      method?: string
      params?: [{ to?: string }]
    }
    if (body?.method === 'eth_call' && body.params?.[0]?.to?.toLowerCase() === lens) {
      await route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({
          jsonrpc: '2.0',
          id: body.id,
          error: { code: -32000, message: 'missing trie node' },
        }),
      })
      return
    }
    await route.fallback()
  }
  await page.route(APP_RPC, failLens)
  await chain.mine(1)

  const notice = page.getByRole('alert').filter({ hasText: 'Stale data: the pool could not be read' })
  await expect(notice).toBeVisible()
  await expect(overviewPage.networkStatus).toContainText('Stale data')
  await expect(overviewPage.networkStatus).not.toContainText('Live')
  // The last good data stays, and says how old it is; the age grows while the read keeps failing.
  await expect(overviewPage.tile('Backlog')).toHaveText(backlog)
  const age = page.getByTestId('pool-data-age')
  await expect(age).toHaveText(/^\d+ s old$/)
  const seconds = async () => Number((await age.textContent())?.match(/\d+/)?.[0])
  const first = await seconds()
  await expect.poll(seconds).toBeGreaterThan(first)
  await expect(overviewPage.networkStatus).toContainText(/data \d+ s old/)

  await page.unroute(APP_RPC, failLens)
  // No new block needed: the failed read is tried again every few seconds.
  await expect(notice).toBeHidden()
  await expect(overviewPage.networkStatus).toContainText('Live')
})
