/**
 * History comes from the indexer: new blocks appear in it live, and when the indexer stops the pages
 * still show the live pool, say how many blocks behind the history is, and recover by themselves once
 * it is back (e2e/support/indexer-server.ts stops and restarts it).
 */
import { E2E_INDEXER_CONTROL_URL } from '../support/env'
import { expect, test } from '../support/fixtures'

async function indexer(action: 'stop' | 'start') {
  const response = await fetch(`${E2E_INDEXER_CONTROL_URL}/indexer/${action}`, { method: 'POST' })
  expect(response.ok).toBe(true)
}

test.afterEach(async () => {
  await indexer('start')
  // The next spec starts with the history caught up (the control endpoint answers 200 then).
  await expect
    .poll(async () => (await fetch(`${E2E_INDEXER_CONTROL_URL}/`)).status, { timeout: 90_000 })
    .toBe(200)
})

test('a proposed block appears in the recent blocks, read from the indexer', async ({
  overviewPage,
  protocol,
}) => {
  await overviewPage.goto()
  await expect(overviewPage.region('Recent blocks')).toBeVisible()
  const { blockId } = await protocol.proposeBlock()
  await expect(overviewPage.recentBlockRow(blockId)).toBeVisible()
})

test('with the indexer down the live pool stays, the history says how many blocks behind it is, and recovers', async ({
  overviewPage,
  page,
  chain,
}) => {
  await overviewPage.goto()
  await expect(overviewPage.networkStatus).toContainText('Live')
  await indexer('stop')
  await chain.mine(5)

  const behind = page.getByTestId('history-blocks-behind').first()
  await expect(behind).toBeVisible({ timeout: 20_000 })
  await expect(behind).toHaveText(/The history is \d+ blocks? behind the chain/)
  // The count follows the chain: 3 more blocks, 3 more behind (the page polls the head every 2 s).
  const blocksBehind = async () =>
    Number((await behind.textContent())?.match(/is ([\d,]+) block/)?.[1]?.replaceAll(',', ''))
  await expect.poll(blocksBehind, { timeout: 20_000 }).toBeGreaterThanOrEqual(1)
  await page.waitForTimeout(2_500)
  const before = await blocksBehind()
  await chain.mine(3)
  await expect.poll(blocksBehind, { timeout: 20_000 }).toBe(before + 3)
  // The pool is read from the chain, not the indexer: still live.
  await expect(overviewPage.tile('Backlog')).toBeVisible()
  await expect(overviewPage.networkStatus).not.toContainText('Connection lost')

  // A page rendered while the indexer is down still renders, with the live pool and the notice.
  await overviewPage.goto()
  await expect(overviewPage.tile('Fee per gas')).toBeVisible()
  await expect(page.getByTestId('history-blocks-behind').first()).toBeVisible({ timeout: 20_000 })

  await indexer('start')
  await chain.mine(1)
  await expect(page.getByTestId('history-blocks-behind')).toHaveCount(0, { timeout: 60_000 })
  await expect(overviewPage.region('Recent blocks')).not.toContainText('could not be read')
})
