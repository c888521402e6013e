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

  /** The Recent blocks table, or on a phone the list of block cards. */
  get recentBlocks(): Locator {
    return this.isPhone ? this.page.getByRole('list', { name: 'Recent blocks' }) : this.table('Recent blocks')
  }

  /** Body rows of Recent blocks (the header row excluded), or the cards on a phone. */
  get recentBlockRows(): Locator {
    return this.isPhone
      ? this.recentBlocks.getByRole('listitem')
      : this.recentBlocks.locator('tbody').getByRole('row')
  }

  /** The Recent blocks row (or card) of one block id (a whole cell "12" / "#12", a card's "Block #12"). */
  recentBlockRow(blockId: bigint | number): Locator {
    return this.recentBlockRows.filter({
      has: this.isPhone
        ? this.page.getByRole('heading', { name: `Block #${blockId}`, exact: true })
        : this.page.getByRole('cell', { name: new RegExp(`^#?${blockId}$`) }),
    })
  }
}
