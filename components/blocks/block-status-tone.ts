import type { BadgeTone } from '@/components/ui/badge'
import type { BlockStatus } from '@/lib/chain/history/blocks'

/** The badge colour of a block's status, in the blocks table and the block cards alike. */
export const blockStatusTone: Record<BlockStatus, BadgeTone> = {
  proving: 'info',
  proven: 'good',
  late: 'danger',
  open: 'warning',
}
