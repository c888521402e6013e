/**
 * Smoke: the production build serves live pool data from the e2e chain, follows new blocks, and
 * has no serious accessibility problems. Deeper flows live in their own specs.
 */
import { expectNoSeriousA11yViolations } from './support/a11y'
import { expect, test } from './support/fixtures'

test.describe('overview', () => {
  test('shows the pool the lens reports', async ({ overviewPage, protocol }) => {
    const pool = await protocol.getPool()
    await overviewPage.goto()
    await expect(overviewPage.heading).toHaveText('Overview')
    await expect(overviewPage.tile('Active provers')).toHaveText(
      `${pool.activeProvers} of ${pool.config.maxActiveProvers}`,
    )
    await expect(overviewPage.tile('Backlog')).toHaveText(String(pool.backlog))
    await expect(overviewPage.tile('Emergency mode')).toHaveText(pool.emergency ? 'On' : 'Off')
    await expect(overviewPage.networkStatus).toContainText('Live')
    await expect(overviewPage.networkStatus).toContainText('31337')
  })

  test('lists a block proposed from the test in Recent blocks after a reload', async ({
    overviewPage,
    protocol,
  }) => {
    await overviewPage.goto()
    const block = await protocol.proposeBlock({ gasUsed: 2_345_678n })
    await overviewPage.reload()
    const row = overviewPage.recentBlockRow(block.blockId)
    await expect(row).toBeVisible()
    await expect(row).toContainText('2,345,678')
    await expect(row).toContainText('proving')
    await expect(overviewPage.tile('Backlog')).toHaveText('1')
  })

  test('follows the chain live: a new block and its proof show up without a reload', async ({
    overviewPage,
    protocol,
  }) => {
    await overviewPage.goto()
    await expect(overviewPage.networkStatus).toContainText('Live')
    const block = await protocol.proposeBlock({ gasUsed: 1_500_000n })
    const row = overviewPage.recentBlockRow(block.blockId)
    await expect(row).toContainText('proving')
    await expect(overviewPage.tile('Backlog')).toHaveText('1')
    await protocol.proveBlock(block.blockId)
    await expect(row).toContainText('proven')
    await expect(overviewPage.tile('Backlog')).toHaveText('0')
  })

  test('has no serious accessibility violations', async ({ page, overviewPage, protocol }) => {
    await protocol.proposeBlock()
    await overviewPage.goto()
    await expect(overviewPage.recentBlocks).toBeVisible()
    await expectNoSeriousA11yViolations(page)
  })
})

test('the main navigation reaches every section', async ({ overviewPage, page }) => {
  await overviewPage.goto()
  for (const [name, path] of [
    ['Provers', '/provers'],
    ['Fees', '/fees'],
    ['Stake', '/stake'],
    ['Simulator', '/simulate'],
    ['Overview', '/'],
  ] as const) {
    await overviewPage.navigateTo(name)
    await expect(page).toHaveURL(path)
    await expect(overviewPage.navLink(name)).toHaveAttribute('aria-current', 'page')
    await expect(overviewPage.heading).toBeVisible()
  }
})
