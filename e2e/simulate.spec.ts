/**
 * The simulator page in Chromium: the engine runs in the page's Web Worker (no chain involved). A long run
 * shows progress and stops on Cancel; a preset with a comparison runs A and B side by side; the series
 * exports as CSV; the scenario lands in the URL; every preset runs.
 */
import { readFile } from 'node:fs/promises'
import { expectNoSeriousA11yViolations } from './support/a11y'
import { expect, test } from './support/fixtures'

const presetTitles = [
  'Steady pool',
  'R gaming (seed vs hardened)',
  'Slashing cascade',
  'Congestion → emergency → batching',
  'Open race vs pool',
] as const

test.describe('simulator', () => {
  test.setTimeout(180_000)

  test('runs a preset with progress, cancels, runs again, compares two runs and exports CSV', async ({
    page,
    simulatePage,
  }) => {
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await simulatePage.goto()
    await expect(simulatePage.heading).toHaveText('Simulator')

    // A run long enough to watch: progress moves, then Cancel stops it.
    await simulatePage.choosePreset('Steady pool')
    await simulatePage.run(400_000)
    await expect(simulatePage.status).toContainText(/^Running: [\d,]+ of 400,000 blocks$/)
    await expect
      .poll(() => simulatePage.progress.evaluate((el) => (el as HTMLProgressElement).value), {
        timeout: 30_000,
      })
      .toBeGreaterThan(0)
    await expect(simulatePage.cancelButton).toBeEnabled()
    await simulatePage.cancelButton.click()
    await expect(simulatePage.status).toHaveText('Cancelled.')
    await expect(simulatePage.runButton).toBeEnabled()
    await expect(simulatePage.results).toHaveCount(0)

    // Again, shorter, with the comparison the preset names: the seed weight next to the hardened one.
    await simulatePage.choosePreset('R gaming (seed vs hardened)')
    await expect(simulatePage.runButton).toHaveText('Run A and B')
    await simulatePage.run(4_000)
    await expect(simulatePage.status).toHaveText('Done.', { timeout: 120_000 })
    const summary = simulatePage.summary
    await expect(summary.getByRole('columnheader', { name: 'Run A: R gaming', exact: true })).toBeVisible()
    await expect(summary.getByRole('columnheader', { name: 'Run B: R gaming (weight seed)' })).toBeVisible()
    const weights = summary.getByRole('row', { name: /^Design, weight, seed/ })
    await expect(weights.getByRole('cell')).toHaveText(['pool, hardened, 1', 'pool, seed, 1'])
    // The underbidder wins far more with the seed weight (about 4× a peer) than with the hardened one.
    const ratios = await summary
      .getByRole('row', { name: /^Underbidder vs a peer/ })
      .getByRole('cell')
      .allTextContents()
    const [hardened, seed] = ratios.map((text) => Number(/\(([\d.]+)×\)/.exec(text)?.[1]))
    expect(seed).toBeGreaterThan(2 * hardened!)
    for (const run of ['A', 'B'] as const) {
      const charts = simulatePage.charts(run)
      await expect(
        charts.getByRole('figure', { name: 'The treasury over time' }).locator('svg').first(),
      ).toBeVisible()
      await expect(
        charts
          .getByRole('figure', { name: /^Fee per gas against/ })
          .locator('.recharts-line')
          .first(),
      ).toBeVisible()
    }
    await expect(page).toHaveURL(/\/simulate\?s=[\w-]+&vs=[\w-]+$/)

    // The series of both runs as CSV.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV', exact: true }).click(),
    ])
    expect(download.suggestedFilename()).toBe('simulation-series.csv')
    const csv = await readFile((await download.path())!, 'utf8')
    const lines = csv.trimEnd().split('\n')
    expect(lines[0]).toMatch(/^run,block,hours,feeGwei,costGwei,treasuryTko,/)
    expect(lines.some((l) => l.startsWith('A,4000,'))).toBe(true)
    expect(lines.some((l) => l.startsWith('B,4000,'))).toBe(true)

    await expectNoSeriousA11yViolations(page)
    expect(errors).toEqual([])
  })

  test('runs every preset', async ({ page, simulatePage }) => {
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await simulatePage.goto()
    for (const title of presetTitles) {
      await simulatePage.choosePreset(title)
      await simulatePage.run(2_000)
      await expect(simulatePage.status, title).toHaveText('Done.', { timeout: 120_000 })
      await expect(simulatePage.summary.getByRole('row', { name: /^Blocks proposed/ })).toContainText(
        /2,000|\d refused/,
      )
    }
    expect(errors).toEqual([])
  })

  test('restores a shared scenario from the URL, and says what is wrong with a damaged one', async ({
    page,
    simulatePage,
  }) => {
    await simulatePage.goto()
    await simulatePage.choosePreset('Open race vs pool')
    await simulatePage.run(1_500)
    await expect(simulatePage.status).toHaveText('Done.', { timeout: 120_000 })
    const shared = page.url()

    await page.goto('/simulate')
    await expect(simulatePage.blocks).toHaveValue('20000')
    await page.goto(shared)
    await expect(simulatePage.blocks).toHaveValue('1500')
    await expect(simulatePage.runButton).toHaveText('Run A and B')

    await page.goto('/simulate?s=not-a-scenario')
    await expect(simulatePage.problem).toContainText('The link’s scenario was not loaded')
  })

  test('reports a setting the checks refuse, at the field', async ({ simulatePage }) => {
    await simulatePage.goto()
    await simulatePage.run(0)
    await expect(simulatePage.problem).toContainText('blocks: must be between 1 and 1000000, got 0')
    await expect(simulatePage.blocks).toHaveAttribute('aria-invalid', 'true')
    await expect(simulatePage.status).toHaveText('Ready.')
  })
})
