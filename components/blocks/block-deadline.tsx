import { formatRelative, formatTimestamp } from '@/lib/format/time'

/**
 * A block's proof deadline: the time of day once proven, else how far away it is from the pool's `now`;
 * the full timestamp on hover. One rendering for the blocks table and the phone cards.
 */
export function BlockDeadline({ deadline, proven, now }: { deadline: bigint; proven: boolean; now: bigint }) {
  return (
    <time dateTime={new Date(Number(deadline) * 1000).toISOString()} title={formatTimestamp(deadline)}>
      {proven ? formatTimestamp(deadline).slice(11, 19) : formatRelative(deadline, now)}
    </time>
  )
}
