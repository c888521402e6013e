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

  /** Body rows (the header row excluded). */
  get rows(): Locator {
    return this.leaderboard.locator('tbody').getByRole('row')
  }

  /** The row of one prover (by address text or label shown in the Prover cell). */
  row(prover: string): Locator {
    return this.rows.filter({ hasText: new RegExp(escapeRegExp(prover), 'i') })
  }

  /** One cell of a row, by column name (position from the leaderboardColumns order). */
  cell(row: Locator, column: LeaderboardColumn): Locator {
    return row.getByRole('cell').nth(leaderboardColumns.indexOf(column))
  }

  async searchFor(text: string): Promise<void> {
    await this.search.fill(text)
  }
}
