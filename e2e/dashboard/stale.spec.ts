/**
 * Stale data is never shown as live: when the pool read (app/api/pool, the lens call) fails while the
 * node still answers the block-number poll, the header and the pool panel say the data is stale and how
 * old it is, and both recover by themselves once the lens answers again.
 */
import type { Route } from '@playwright/test'
import { expect, test } from '../support/fixtures'

const APP_POOL = '**/api/pool?*'

test('a failing lens call is shown as stale, with the data’s age, and recovers by itself', async ({
  overviewPage,
  page,
  chain,
}) => {
  await overviewPage.goto()
  await expect(overviewPage.networkStatus).toContainText('Live')
  const backlog = (await overviewPage.tile('Backlog').textContent()) ?? ''

  // The node answers everything but the lens call (as a node that lost the state of a block would):
  // the app's pool route says so, as it does when the node refuses the call.
  const failLens = async (route: Route) => {
    await route.fulfill({
      status: 502,
      contentType: 'application/json',
      body: JSON.stringify({ error: 'The pool could not be read: missing trie node.' }),
    })
  }
  await page.route(APP_POOL, failLens)
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

  await page.unroute(APP_POOL, failLens)
  // No new block needed: the failed read is tried again every few seconds.
  await expect(notice).toBeHidden()
  await expect(overviewPage.networkStatus).toContainText('Live')
})
