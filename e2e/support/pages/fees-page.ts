import type { Locator } from '@playwright/test'
import { AppPage } from './app-page'

/** `/fees`: fee history and the fee estimator. */
export class FeesPage extends AppPage {
  override readonly path = '/fees'

  get gasUsed(): Locator {
    return this.page.getByLabel('Gas used', { exact: true })
  }

  /** The estimator's result: an `<output>` labelled "Estimated fee". */
  get estimatedFee(): Locator {
    return this.page.getByRole('status', { name: 'Estimated fee' })
  }

  async estimate(gasUsed: bigint | number | string): Promise<void> {
    await this.gasUsed.fill(String(gasUsed))
  }
}
