import type { Locator } from '@playwright/test'
import { AppPage } from './app-page'

/** `/simulate`: the scenario form, the run (progress, cancel) and the results. */
export class SimulatePage extends AppPage {
  override readonly path = '/simulate'

  get preset(): Locator {
    return this.page.getByLabel('Preset', { exact: true })
  }

  get blocks(): Locator {
    return this.page.getByLabel('Blocks', { exact: true })
  }

  /** "Run", or "Run A and B" when a comparison is set. */
  get runButton(): Locator {
    return this.page.getByRole('button', { name: /^Run( A and B)?$/ })
  }

  get cancelButton(): Locator {
    return this.page.getByRole('button', { name: 'Cancel', exact: true })
  }

  get progress(): Locator {
    return this.page.getByRole('progressbar', { name: 'Simulation progress' })
  }

  /** The run's status line ("Running: … of … blocks", "Done.", "Cancelled."). */
  get status(): Locator {
    return this.region('Scenario').getByRole('status')
  }

  get results(): Locator {
    return this.region('Results').or(this.region('Results: A and B side by side'))
  }

  get summary(): Locator {
    return this.page.getByRole('table', { name: 'Summary of the simulation runs' })
  }

  /** A run's charts (`Charts of run A`). */
  charts(run: 'A' | 'B'): Locator {
    return this.page.getByRole('region', { name: `Charts of run ${run}` })
  }

  /** The problem banner (a scenario the checks refused). */
  get problem(): Locator {
    return this.page.getByRole('alert').filter({ hasText: /cannot run|was not loaded/ })
  }

  async choosePreset(title: string): Promise<void> {
    await this.preset.selectOption({ label: title })
  }

  /** Sets the number of blocks, starts the run and returns once it runs. */
  async run(blocks?: number): Promise<void> {
    if (blocks !== undefined) await this.blocks.fill(String(blocks))
    await this.runButton.click()
  }
}
