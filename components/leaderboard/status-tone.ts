import type { BadgeTone } from '@/components/ui/badge'
import type { LeaderboardRow } from './leaderboard-data'

/** The badge colour of a prover's status, in the table and in the cards alike. */
export const statusTone: Record<LeaderboardRow['status'], BadgeTone> = {
  active: 'good',
  exiting: 'warning',
  evicted: 'danger',
  none: 'neutral',
}
