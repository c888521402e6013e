/**
 * A prover's page: position and odds from the lens, and its history from events (stake, slashes,
 * blocks, rewards).
 */
import { formatInteger } from '@/lib/format/decimal'
import { expectNoSeriousA11yViolations } from '../support/a11y'
import { expect, test } from '../support/fixtures'

test('opens from the leaderboard with the prover position and odds', async ({ proversPage, page }) => {
  await proversPage.goto()
  const first = proversPage.rows.first()
  await proversPage.cell(first, 'Prover').getByRole('link').click()
  await expect(page).toHaveURL(/\/provers\/0x[0-9a-fA-F]{40}$/)
  await expect(proversPage.heading).toContainText('Prover 0x')
  const position = proversPage.region('Position and odds')
  await expect(position).toContainText(/1 of \d+/)
  await expect(position).toContainText('active')
  await expect(proversPage.region('Stake and health')).toBeVisible()
  await expectNoSeriousA11yViolations(page)
})

test('lists the slash of a missed window with its block, and counts the miss', async ({
  page,
  chain,
  protocol,
}) => {
  const block = await protocol.proposeBlock()
  expect(block.assignedProver).not.toBeNull()
  const prover = block.assignedProver!
  const now = await chain.timestamp()
  await chain.increaseTime(block.proofDeadline - now + 1n)
  await protocol.proveBlock(block.blockId, { from: protocol.racer.privateKey })

  await page.goto(`/provers/${prover}`)
  const slashes = page.getByRole('region', { name: 'Slashes', exact: true })
  await expect(slashes.getByRole('row').filter({ hasText: formatInteger(block.blockId) })).toBeVisible()
  const blocks = page.getByRole('region', { name: 'Blocks', exact: true })
  await expect(blocks.getByRole('row').filter({ hasText: 'late' }).first()).toBeVisible()
  await expect(page.getByRole('region', { name: 'Stake and health', exact: true })).not.toContainText('100 %')
})

test('shows an evicted staker with its queued stake', async ({ page, protocol }) => {
  const evicted = (await protocol.getStakers()).find((p) => p.status === 3)!
  await page.goto(`/provers/${evicted.prover}`)
  await expect(page.getByRole('region', { name: 'Position and odds', exact: true })).toContainText('evicted')
  await expect(page.getByRole('region', { name: 'Stake and health', exact: true })).toContainText(
    'withdrawable',
  )
})

test('answers an invalid address with not found', async ({ page }) => {
  // The page streams (app/loading.tsx), so the status is already 200 when notFound() runs; Next marks
  // the page noindex instead (docs: loading.js, "Status codes").
  await page.goto('/provers/not-an-address')
  await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible()
  await expect(page.locator('meta[name="robots"]').first()).toHaveAttribute('content', /noindex/)
})
