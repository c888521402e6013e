/** The fees page: the estimator (lib/pool-math proposalFee), the explanation with the live parameters. */
import { gweiLabel } from '@/components/fees/fee-history-data'
import { formatInteger } from '@/lib/format/decimal'
import { formatTko, perGasToGweiNumber } from '@/lib/format/units'
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

test('reads the fee history point by point with the keyboard and the pointer', async ({
  feesPage,
  page,
  protocol,
}) => {
  const [block] = await protocol.proposeBlocks(1)
  await protocol.proveBlock(block!.blockId)
  const feePerGas = await protocol.feePerGas()
  await feesPage.goto()
  const history = feesPage.region('Fee per gas history')
  const chart = history.getByRole('slider', { name: 'Fee per gas over time, in gwei of TKO per gas' })
  // Before any move it reads the newest point: the live fee per gas.
  await expect(chart).toHaveAttribute(
    'aria-valuetext',
    new RegExp(`Fee per gas: ${gweiLabel(perGasToGweiNumber(feePerGas)).replace('.', '\\.')} gwei$`),
  )
  await chart.focus()
  await page.keyboard.press('Home')
  await expect(chart).toHaveAttribute('aria-valuenow', '0')
  await expect(history.getByText(/^Fee per gas: .* gwei$/)).toBeVisible()
  await page.keyboard.press('ArrowRight')
  await expect(chart).toHaveAttribute('aria-valuenow', '1')
  await chart.blur()
  await expect(history.getByText(/^Fee per gas: .* gwei$/)).toHaveCount(0)
  const box = (await chart.boundingBox())!
  await page.mouse.move(box.x + box.width - 2, box.y + box.height / 2)
  await expect(history.getByText(/^Fee per gas: .* gwei$/)).toBeVisible()
})
