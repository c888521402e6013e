/**
 * Live data: the leaderboard follows new blocks without a reload, and a node that stops answering
 * shows "connection lost" over the last data, then recovers by itself.
 */
import { E2E_RPC_URL } from '../support/env'
import { expect, test } from '../support/fixtures'

const rpcPort = new URL(E2E_RPC_URL).port

test('keeps the last data when the node stops answering, and recovers by itself', async ({
  overviewPage,
  page,
}) => {
  await overviewPage.goto()
  await expect(overviewPage.networkStatus).toContainText('Live')
  const backlog = (await overviewPage.tile('Backlog').textContent()) ?? ''

  const offline = (url: URL) => url.port === rpcPort
  await page.route(offline, (route) => route.abort('connectionrefused'))
  const notice = page.getByRole('alert').filter({ hasText: 'Connection lost — showing data from' })
  await expect(notice).toBeVisible()
  await expect(overviewPage.networkStatus).toContainText('Connection lost')
  await expect(overviewPage.tile('Backlog')).toHaveText(backlog)

  await page.unroute(offline)
  await expect(notice).toBeHidden()
  await expect(overviewPage.networkStatus).toContainText('Live')
})

test('reads the pool with one lens call per new block', async ({ proversPage, page, chain }) => {
  const calls: string[] = []
  page.on('request', (request) => {
    if (new URL(request.url()).port !== rpcPort) return
    const body = request.postDataJSON() as { method?: string } | null
    if (body?.method) calls.push(body.method)
  })
  await proversPage.goto()
  await expect(proversPage.networkStatus).toContainText('Live')
  calls.length = 0
  await chain.mine(1)
  const block = (await chain.blockNumber()).toLocaleString('en-US')
  await expect(proversPage.networkStatus).toContainText(`#${block}`)
  await expect.poll(() => calls.filter((m) => m === 'eth_call').length).toBe(1)
  await page.waitForTimeout(3_000)
  expect(calls.filter((m) => m === 'eth_call')).toHaveLength(1)
})
