import type { Locator } from '@playwright/test'
import { AppPage } from './app-page'

/** The pool's headline numbers, as labelled on the overview. */
export type OverviewTile =
  | 'Fee per gas'
  | 'Average proof delay'
  | 'Proof window'
  | 'Backlog'
  | 'Open blocks'
  | 'Emergency mode'
  | 'Batch size'
  | 'Minimum stake'
  | 'Minimum capacity'
  | 'Active provers'
  | 'Total staked'

/** `/`: the pool at a glance and the latest blocks. */
export class OverviewPage extends AppPage {
  override readonly path = '/'

  /** The value of a tile ("Active provers" → its `<dd>`). */
  tile(label: OverviewTile): Locator {
    return this.statValue(label)
  }

  get recentBlocks(): Locator {
    return this.table('Recent blocks')
  }

  /** Body rows of Recent blocks (the header row excluded). */
  get recentBlockRows(): Locator {
    return this.recentBlocks.locator('tbody').getByRole('row')
  }

  /** The Recent blocks row of one block id (matched as a whole cell: "12" or "#12"). */
  recentBlockRow(blockId: bigint | number): Locator {
    return this.recentBlockRows.filter({
      has: this.page.getByRole('cell', { name: new RegExp(`^#?${blockId}$`) }),
    })
  }
}
