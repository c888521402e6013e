import type { BadgeTone } from '@/components/ui/badge'
import type { ProverStatus } from '@/lib/format/status'

/** The badge colour of a prover's status: the leaderboard (table and cards), the prover and stake pages. */
export const statusTone: Record<ProverStatus, BadgeTone> = {
  active: 'good',
  exiting: 'warning',
  evicted: 'danger',
  none: 'neutral',
}
