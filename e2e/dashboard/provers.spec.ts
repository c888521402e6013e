/**
 * The leaderboard: every staker (active, exiting, evicted) in the server's HTML, sortable from the
 * keyboard, searchable, filterable, its state in the URL, exportable as CSV.
 */
import { readFile } from 'node:fs/promises'
import { formatFraction } from '@/lib/format/percent'
import { rankOf } from '@/lib/pool-math/preview/rankOf'
import { slotWeights } from '@/lib/pool-math/preview/slotWeights'
import { selectionProbabilities } from '@/lib/pool-math/selectionProbabilities'
import { expectNoSeriousA11yViolations } from '../support/a11y'
import { expect, test } from '../support/fixtures'
import { leaderboardColumns } from '../support/pages'

const ACTIVE = 1
const EXITING = 2
const EVICTED = 3

/** "5,000 TKO" (first line of a Stake cell) → 5000. */
function amountOf(text: string): number {
  return Number((text.match(/[\d,.]+/)?.[0] ?? 'NaN').replaceAll(',', ''))
}

test('lists every staker in the server-rendered HTML', async ({ request, protocol }) => {
  const stakers = await protocol.getStakers()
  const html = await (await request.get('/provers')).text()
  expect(stakers.some((p) => p.status === EXITING)).toBe(true)
  expect(stakers.some((p) => p.status === EVICTED)).toBe(true)
  for (const p of stakers) expect(html, p.prover).toContain(p.prover)
})

test('has every column, ranks by weight and shows the odds from lib/pool-math', async ({
  proversPage,
  protocol,
}) => {
  const pool = await protocol.getPool()
  const stakers = await protocol.getStakers()
  await proversPage.goto()
  for (const column of leaderboardColumns) await expect(proversPage.columnHeader(column)).toBeVisible()
  await expect(proversPage.columnHeader('Rank')).toHaveAttribute('aria-sort', 'ascending')
  await expect(proversPage.rows).toHaveCount(stakers.length)

  const active = pool.provers.filter((p) => p.status === ACTIVE)
  const odds = selectionProbabilities({ weights: active.map((p) => p.weight) })
  // Rank 1 as lib/pool-math ranks (ties broken like the contract), the leaderboard's first row.
  const weights = slotWeights(active)
  const best = active.find((p) => rankOf({ weights, weight: p.weight, exclude: Number(p.slot) - 1 }) === 1)
  if (!best) throw new Error('no active prover ranks first')
  const first = proversPage.rows.first()
  await expect(proversPage.cell(first, 'Rank')).toHaveText('1')
  await expect(proversPage.cell(first, 'Prover')).toContainText(best.prover)
  await expect(proversPage.cell(first, 'Selection probability')).toHaveText(
    formatFraction(odds[active.indexOf(best)] ?? 0),
  )
})

test('sorts by any column from the keyboard, with aria-sort and the URL following', async ({
  proversPage,
  page,
}) => {
  await proversPage.goto()
  const stake = proversPage.columnHeader('Stake')
  await stake.getByRole('button').focus()
  await page.keyboard.press('Enter')
  await expect(stake).toHaveAttribute('aria-sort', 'descending')
  await expect(proversPage.columnHeader('Rank')).not.toHaveAttribute('aria-sort')
  await expect(page).toHaveURL(/[?&]sort=stake/)
  const stakes = (await proversPage.rows.locator('td:nth-child(3)').allInnerTexts()).map(amountOf)
  expect(stakes).toEqual([...stakes].sort((a, b) => b - a))

  await page.keyboard.press('Space')
  await expect(stake).toHaveAttribute('aria-sort', 'ascending')
  await expect(page).toHaveURL(/[?&]dir=asc/)
})

test('searches and filters by status, and restores both from the URL', async ({
  proversPage,
  page,
  protocol,
}) => {
  const stakers = await protocol.getStakers()
  const evicted = stakers.filter((p) => p.status === EVICTED)
  await proversPage.goto()

  await page.getByRole('button', { name: /^Evicted/ }).click()
  await expect(page.getByRole('button', { name: /^Evicted/ })).toHaveAttribute('aria-pressed', 'true')
  await expect(proversPage.rows).toHaveCount(evicted.length)
  for (const status of await proversPage.rows.locator('td:nth-child(9)').allInnerTexts()) {
    expect(status.trim()).toBe('evicted')
  }
  await expect(page).toHaveURL(/[?&]status=evicted/)

  const target = evicted[0]!.prover
  await proversPage.searchFor(target.slice(0, 12))
  await expect(proversPage.rows).toHaveCount(1)
  await expect(proversPage.row(target)).toBeVisible()

  await proversPage.reload()
  await expect(proversPage.search).toHaveValue(target.slice(0, 12))
  await expect(proversPage.rows).toHaveCount(1)

  await proversPage.goto(`/provers?sort=health&dir=asc&status=active,exiting`)
  await expect(proversPage.columnHeader('Health')).toHaveAttribute('aria-sort', 'ascending')
  await expect(page.getByRole('button', { name: /^Active/ })).toHaveAttribute('aria-pressed', 'true')
  await expect(page.getByRole('button', { name: /^Exiting/ })).toHaveAttribute('aria-pressed', 'true')
  await expect(proversPage.rows).toHaveCount(stakers.filter((p) => p.status !== EVICTED).length)
})

test('exports the visible rows as CSV', async ({ proversPage, page, protocol }) => {
  const pool = await protocol.getPool()
  await proversPage.goto('/provers?status=active')
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export CSV' }).click()
  const file = await (await download).path()
  const lines = (await readFile(file, 'utf8')).trim().split('\n')
  expect(lines[0]).toMatch(/^rank,prover,status,/)
  expect(lines).toHaveLength(1 + pool.provers.filter((p) => p.status === ACTIVE).length)
})

test('has no serious accessibility violations', async ({ proversPage, page }) => {
  await proversPage.goto()
  await expect(proversPage.rows.first()).toBeVisible()
  await expectNoSeriousA11yViolations(page)
})
