/**
 * The overview: every tile labelled and equal to what the lens reports, the fee history with its
 * range switch, and the banners that explain batching and emergency mode.
 */
import { formatInteger } from '@/lib/format/decimal'
import { formatDuration, formatDurationMs } from '@/lib/format/time'
import { formatPerGas, formatTko } from '@/lib/format/units'
import { expectNoSeriousA11yViolations } from '../support/a11y'
import { expect, test } from '../support/fixtures'
import type { OverviewTile } from '../support/pages'

const tiles: OverviewTile[] = [
  'Fee per gas',
  'Average proof delay',
  'Proof window',
  'Backlog',
  'Open blocks',
  'Emergency mode',
  'Batch size',
  'Minimum stake',
  'Minimum capacity',
  'Active provers',
  'Total staked',
]

test('labels every tile and shows what the lens reports', async ({ overviewPage, protocol }) => {
  const pool = await protocol.getPool()
  await overviewPage.goto()
  for (const label of tiles) await expect(overviewPage.tile(label), label).toBeVisible()
  await expect(overviewPage.tile('Fee per gas')).toHaveText(formatPerGas(pool.feePerGas))
  await expect(overviewPage.tile('Average proof delay')).toHaveText(formatDurationMs(pool.avgProofDelayMs))
  await expect(overviewPage.tile('Proof window')).toHaveText(formatDuration(pool.proofWindow))
  await expect(overviewPage.tile('Open blocks')).toHaveText(
    `${formatInteger(pool.openBlocks)} / ${formatInteger(pool.config.maxOpenBlocks)}`,
  )
  await expect(overviewPage.tile('Batch size')).toHaveText(formatInteger(pool.batchSize))
  await expect(overviewPage.tile('Minimum stake')).toHaveText(
    formatTko(pool.minStake, { maxFractionDigits: 0 }),
  )
  await expect(overviewPage.tile('Minimum capacity')).toHaveText(formatInteger(pool.minCapacity))
  await expect(overviewPage.tile('Total staked')).toHaveText(
    formatTko(pool.totalStaked, { maxFractionDigits: 0 }),
  )
})

test('shows the fee history with a range switch kept in the URL', async ({
  overviewPage,
  page,
  protocol,
}) => {
  const [block] = await protocol.proposeBlocks(1)
  await protocol.proveBlock(block!.blockId)
  await overviewPage.goto()
  const history = overviewPage.region('Fee per gas history')
  await expect(history.getByRole('figure')).toBeVisible()
  // The step line is in the server's HTML (components/charts/step-chart.tsx).
  await expect(history.locator('[data-series="Fee per gas"] path')).toHaveCount(1)
  const ranges = history.getByRole('navigation', { name: 'Fee history range' })
  await ranges.getByRole('link', { name: '1 hour' }).click()
  await expect(page).toHaveURL(/[?&]range=1h/)
  await expect(ranges.getByRole('link', { name: '1 hour' })).toHaveAttribute('aria-current', 'true')
})

test('explains batching once the backlog reaches the batching threshold', async ({
  overviewPage,
  page,
  protocol,
}) => {
  const pool = await protocol.getPool()
  await overviewPage.goto()
  await expect(page.getByText(/Batching is on/)).toHaveCount(0)
  await protocol.proposeBlocks(Number(pool.config.batchingBacklog))
  await overviewPage.reload()
  await expect(page.getByText(/Batching is on: up to \d+ blocks per proof/)).toBeVisible()
  await expect(overviewPage.tile('Batch size')).not.toHaveText('1')
})

test('explains emergency mode when congestion turns it on, and shows new blocks as open', async ({
  overviewPage,
  page,
  protocol,
}) => {
  test.slow()
  const pool = await protocol.getPool()
  const blocks = await protocol.proposeBlocks(Number(pool.config.congestionBacklog) + 1)
  const last = blocks.at(-1)!
  expect(last.assignedProver).toBeNull()
  await overviewPage.goto()
  await expect(overviewPage.tile('Emergency mode')).toHaveText('On')
  await expect(page.getByText('Emergency mode is on (congestion)')).toBeVisible()
  await expect(page.getByText(/new blocks are not assigned/)).toBeVisible()
  await expect(overviewPage.recentBlockRow(last.blockId)).toContainText('open')
  await expectNoSeriousA11yViolations(page)
})
