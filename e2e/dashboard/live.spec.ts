/**
 * Live data: the leaderboard follows new blocks without a reload, and a node that stops answering
 * shows "connection lost" over the last data, then recovers by itself. The browser reads only
 * through the app's own routes (/api/rpc for the head, /api/pool for the pool), never the node itself.
 */
import type { Request } from '@playwright/test'
import { E2E_KEYED_RPC_PORT, E2E_RPC_URL } from '../support/env'
import { expect, test } from '../support/fixtures'

const APP_RPC = '**/api/rpc'
const nodePorts = new Set([new URL(E2E_RPC_URL).port, String(E2E_KEYED_RPC_PORT)])

/** What a request asks the app for: a JSON-RPC method on /api/rpc, or 'pool' on /api/pool. */
function appRead(request: Request): string | undefined {
  const { pathname } = new URL(request.url())
  if (pathname.endsWith('/api/pool')) return 'pool'
  if (!pathname.endsWith('/api/rpc')) return undefined
  return (request.postDataJSON() as { method?: string } | null)?.method
}

test('keeps the last data when the node stops answering, and recovers by itself', async ({
  overviewPage,
  page,
}) => {
  await overviewPage.goto()
  await expect(overviewPage.networkStatus).toContainText('Live')
  const backlog = (await overviewPage.tile('Backlog').textContent()) ?? ''

  await page.route(APP_RPC, (route) => route.abort('connectionrefused'))
  const notice = page.getByRole('alert').filter({ hasText: 'Connection lost — showing data from' })
  await expect(notice).toBeVisible()
  await expect(overviewPage.networkStatus).toContainText('Connection lost')
  await expect(overviewPage.tile('Backlog')).toHaveText(backlog)

  await page.unroute(APP_RPC)
  await expect(notice).toBeHidden()
  await expect(overviewPage.networkStatus).toContainText('Live')
})

test('reads the pool once per new block, through the app’s own routes only', async ({
  proversPage,
  page,
  chain,
}) => {
  const calls: string[] = []
  const toNode: string[] = []
  page.on('request', (request) => {
    if (nodePorts.has(new URL(request.url()).port)) toNode.push(request.url())
    const read = appRead(request)
    if (read) calls.push(read)
  })
  await proversPage.goto()
  await expect(proversPage.networkStatus).toContainText('Live')
  calls.length = 0
  await chain.mine(1)
  const block = (await chain.blockNumber()).toLocaleString('en-US')
  await expect(proversPage.networkStatus).toContainText(`#${block}`)
  await expect.poll(() => calls.filter((m) => m === 'pool').length).toBe(1)
  await page.waitForTimeout(3_000)
  // One pool read, and no call of the node's from the browser beside the head poll.
  expect(calls.filter((m) => m === 'pool')).toHaveLength(1)
  expect(calls.filter((m) => m !== 'pool' && m !== 'eth_blockNumber')).toEqual([])
  expect(toNode).toEqual([])
})
