/** The fees page: the estimator (lib/pool-math proposalFee), the explanation with the live parameters. */
import { formatInteger } from '@/lib/format/decimal'
import { formatTko } from '@/lib/format/units'
import { proposalFee } from '@/lib/pool-math/proposalFee'
import { expectNoSeriousA11yViolations } from '../support/a11y'
import { expect, test } from '../support/fixtures'

test('estimates the fee of a block from the gas it uses', async ({ feesPage, protocol }) => {
  const feePerGas = await protocol.feePerGas()
  await feesPage.goto()
  await feesPage.estimate(123_456)
  await expect(feesPage.estimatedFee).toHaveText(
    formatTko(proposalFee({ feePerGas, gasUsed: 123_456n }), { maxFractionDigits: 9 }),
  )
})

test('says what is wrong with an unusable gas amount', async ({ feesPage, page }) => {
  await feesPage.goto()
  await feesPage.estimate('twelve')
  await expect(feesPage.gasUsed).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByText('Gas used is a whole number.')).toBeVisible()
  await feesPage.estimate(0)
  await expect(page.getByText('Gas used must be at least 1.')).toBeVisible()
})

test('explains how the fee moves with the live smoothing', async ({ feesPage, protocol }) => {
  const pool = await protocol.getPool()
  await feesPage.goto()
  const how = feesPage.region('How the fee moves')
  await expect(how).toContainText(`feeSmoothing = ${formatInteger(pool.config.feeSmoothing)}`)
  await expect(feesPage.region('Fee per gas history')).toBeVisible()
})

test('has no serious accessibility violations', async ({ feesPage, page }) => {
  await feesPage.goto()
  await expect(feesPage.gasUsed).toBeVisible()
  await expectNoSeriousA11yViolations(page)
})
