/**
 * Phones (the `phone` project: Pixel 7, Chromium): below `md` the leaderboard and recent blocks are
 * lists of cards, a card opens the prover's page, and no page scrolls sideways at 390 px — the stake
 * form and the position's actions included.
 */
import type { Page } from '@playwright/test'
import { formatFraction } from '@/lib/format/percent'
import { rankOf } from '@/lib/pool-math/preview/rankOf'
import { slotWeights } from '@/lib/pool-math/preview/slotWeights'
import { selectionProbabilities } from '@/lib/pool-math/selectionProbabilities'
import { expectNoSeriousA11yViolations } from '../support/a11y'
import { expect, test } from '../support/fixtures'

const ACTIVE = 1

/** How far the page scrolls sideways (0 when everything fits the viewport). */
async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
}

test('the leaderboard is a list of cards with rank, prover, stake, odds, health and status', async ({
  proversPage,
  protocol,
}) => {
  const pool = await protocol.getPool()
  await proversPage.goto()
  await expect(proversPage.leaderboard).toBeHidden()
  // Every staker ever seen is a card (the lens pages them; getPool lists the active ones only).
  await expect(proversPage.rows).toHaveCount((await protocol.getStakers()).length)

  const active = pool.provers.filter((p) => p.status === ACTIVE)
  const odds = selectionProbabilities({ weights: active.map((p) => p.weight) })
  // Rank 1 as lib/pool-math ranks (ties broken like the contract), the first card.
  const weights = slotWeights(active)
  const best = active.find((p) => rankOf({ weights, weight: p.weight, exclude: Number(p.slot) - 1 }) === 1)
  if (!best) throw new Error('no active prover ranks first')
  const first = proversPage.rows.first()
  await expect(proversPage.cell(first, 'Rank')).toHaveText('#1')
  await expect(proversPage.cell(first, 'Prover')).toContainText(best.prover)
  await expect(proversPage.cell(first, 'Stake')).toContainText('TKO')
  await expect(proversPage.cell(first, 'Selection probability')).toHaveText(
    formatFraction(odds[active.indexOf(best)] ?? 0),
  )
  await expect(proversPage.cell(first, 'Health')).toHaveText(/%$/)
  await expect(proversPage.cell(first, 'Status')).toHaveText('active')
})

test('tapping a card opens the prover page', async ({ proversPage, page }) => {
  await proversPage.goto()
  const card = proversPage.rows.nth(2)
  const address = ((await proversPage.cell(card, 'Prover').locator('.sr-only').textContent()) ?? '').trim()
  // Tap the middle of the card, not the address link: the whole card is the target.
  await card.tap()
  await expect(page).toHaveURL(`/provers/${address}`)
  await expect(proversPage.heading).toContainText('Prover')
})

test('the cards follow the search, the status filter and the sort select', async ({
  proversPage,
  page,
  protocol,
}) => {
  const pool = await protocol.getPool()
  await proversPage.goto()
  await page.getByRole('button', { name: /^Active/ }).tap()
  await expect(proversPage.rows).toHaveCount(pool.provers.filter((p) => p.status === ACTIVE).length)
  await page.getByLabel('Sort by').selectOption('stake')
  await expect(page).toHaveURL(/[?&]sort=stake/)
  const stakesShown = async () => {
    const texts: string[] = []
    for (const card of await proversPage.rows.all()) {
      texts.push((await proversPage.cell(card, 'Stake').textContent()) ?? '')
    }
    return texts.map((t) => Number((t.match(/[\d,]+/)?.[0] ?? 'NaN').replaceAll(',', '')))
  }
  const descending = await stakesShown()
  expect(descending).toEqual([...descending].sort((a, b) => b - a))
  await page.getByRole('button', { name: /^Sort direction/ }).tap()
  await expect(page).toHaveURL(/[?&]dir=asc/)
  const ascending = await stakesShown()
  expect(ascending).toEqual([...ascending].sort((a, b) => a - b))
  const target = pool.provers[0]!.prover
  await proversPage.searchFor(target.slice(0, 12))
  await expect(proversPage.rows).toHaveCount(1)
})

test('recent blocks are cards', async ({ overviewPage, protocol }) => {
  const block = await protocol.proposeBlock({ gasUsed: 2_345_678n })
  await overviewPage.goto()
  await expect(overviewPage.table('Recent blocks')).toBeHidden()
  const card = overviewPage.recentBlockRow(block.blockId)
  // The indexer first follows the harness's snapshot revert (a reorg for it), then indexes this block.
  await expect(card).toContainText('2,345,678', { timeout: 30_000 })
  await expect(card).toContainText('proving')
})

test.describe('at 390 px', () => {
  test.use({ viewport: { width: 390, height: 844 } })

  test('no page scrolls sideways', async ({ page, protocol }) => {
    await protocol.proposeBlock()
    for (const path of ['/', '/provers', '/fees', '/stake', '/simulate']) {
      await page.goto(path)
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
      expect(await sidewaysOverflow(page), path).toBe(0)
    }
    await page.goto('/provers')
    await page.getByRole('list', { name: 'Provers' }).getByRole('link').first().tap()
    await expect(page).toHaveURL(/\/provers\/0x/)
    const overflow = await sidewaysOverflow(page)
    if (overflow > 0) {
      const widest = await page.evaluate(() =>
        [...document.querySelectorAll('main *')]
          .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth)
          .slice(0, 5)
          .map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`),
      )
      console.log('DEBUG overflow', widest.join(' | '))
    }
    expect(overflow, 'prover page').toBe(0)
  })

  test('the stake form and the position with its actions fit without sideways scroll', async ({
    stakePage,
    page,
    wallet,
  }) => {
    test.setTimeout(120_000)
    await stakePage.goto()
    await stakePage.connectWallet()
    await stakePage.getTestTokensButton.click()
    await expect(stakePage.walletCard).toContainText(wallet.address)
    await expect(stakePage.statValue('TKO balance')).toHaveText('10,000 TKO')
    expect(await sidewaysOverflow(page), 'stake form').toBe(0)
    await stakePage.fillStake({ amount: '9000', rewardPerGas: '0,9', capacity: '4' })
    await stakePage.stakeButton.tap()
    await expect(stakePage.region('Your position')).toContainText('active')
    await expect(stakePage.region('Update reward per gas')).toBeVisible()
    expect(await sidewaysOverflow(page), 'position and actions').toBe(0)
    await expectNoSeriousA11yViolations(page)
  })
})
