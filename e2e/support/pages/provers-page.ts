import type { Locator } from '@playwright/test'
import { AppPage, escapeRegExp } from './app-page'

/** Leaderboard columns, in order. */
export const leaderboardColumns = [
  'Rank',
  'Prover',
  'Stake',
  'Reward per gas',
  'Capacity',
  'Weight',
  'Selection probability',
  'Health',
  'Status',
] as const
export type LeaderboardColumn = (typeof leaderboardColumns)[number]

/** What each column is called on a card (cards leave out reward per gas, capacity and weight). */
const cardTerms: Partial<Record<LeaderboardColumn, string>> = {
  Rank: 'Rank',
  Prover: 'Prover',
  Stake: 'Stake',
  'Selection probability': 'Odds',
  Health: 'Health',
  Status: 'Status',
}

/** `/provers`: the leaderboard. */
export class ProversPage extends AppPage {
  override readonly path = '/provers'

  /** The leaderboard table (the page's table whose header has a "Selection probability" column). */
  get leaderboard(): Locator {
    return this.page
      .getByRole('table')
      .filter({ has: this.page.getByRole('columnheader', { name: 'Selection probability' }) })
  }

  get search(): Locator {
    return this.page
      .getByRole('searchbox', { name: 'Search provers' })
      .or(this.page.getByLabel('Search provers'))
  }

  columnHeader(name: LeaderboardColumn): Locator {
    return this.leaderboard.getByRole('columnheader', { name: new RegExp(`^\\s*${escapeRegExp(name)}`) })
  }

  /** The leaderboard's cards below `md` (a list named "Provers"). */
  get cards(): Locator {
    return this.page.getByRole('list', { name: 'Provers' })
  }

  /** Body rows (the header row excluded), or the cards on a phone. */
  get rows(): Locator {
    return this.isPhone
      ? this.cards.getByRole('listitem')
      : this.leaderboard.locator('tbody').getByRole('row')
  }

  /** The row of one prover (by address text or label shown in the Prover cell). */
  row(prover: string): Locator {
    return this.rows.filter({ hasText: new RegExp(escapeRegExp(prover), 'i') })
  }

  /**
   * One cell of a row, by column name (position from the leaderboardColumns order); on a phone the
   * card's value of that name (cards show rank, prover, stake, odds, health and status).
   */
  cell(row: Locator, column: LeaderboardColumn): Locator {
    if (!this.isPhone) return row.getByRole('cell').nth(leaderboardColumns.indexOf(column))
    const term = cardTerms[column]
    if (!term) throw new Error(`The leaderboard cards have no "${column}"`)
    return row
      .getByRole('term')
      .filter({ hasText: new RegExp(`^\\s*${escapeRegExp(term)}\\s*$`) })
      .locator('xpath=following-sibling::dd[1]')
  }

  async searchFor(text: string): Promise<void> {
    await this.search.fill(text)
  }
}
