import { formatInteger } from './decimal'

/** Seconds → '45 s', '12 min 30 s', '2 h 5 min', '7 d 3 h'. */
export function formatDuration(seconds: bigint | number): string {
  let s = typeof seconds === 'bigint' ? Number(seconds) : Math.round(seconds)
  if (s < 0) s = 0
  if (s < 60) return `${s} s`
  const d = Math.floor(s / 86_400)
  const h = Math.floor((s % 86_400) / 3_600)
  const m = Math.floor((s % 3_600) / 60)
  const rest = s % 60
  if (d > 0) return h > 0 ? `${d} d ${h} h` : `${d} d`
  if (h > 0) return m > 0 ? `${h} h ${m} min` : `${h} h`
  return rest > 0 ? `${m} min ${rest} s` : `${m} min`
}

/**
 * A duration given in milliseconds: below a minute, seconds with up to one decimal (floored to the
 * tenth: 11,950 ms → '11.9 s', 12,000 ms → '12 s'); from a minute up, as `formatDuration` of the whole seconds.
 */
export function formatDurationMs(ms: bigint | number): string {
  let v = typeof ms === 'bigint' ? ms : BigInt(Math.round(ms))
  if (v < 0n) v = 0n
  if (v >= 60_000n) return formatDuration(v / 1000n)
  const tenths = v / 100n
  const rest = tenths % 10n
  return rest === 0n ? `${tenths / 10n} s` : `${tenths / 10n}.${rest} s`
}

/**
 * A unix timestamp (seconds) in UTC: '2025-11-21 15:54:03 UTC'. UTC so the server render and
 * the browser agree (no hydration mismatch) and everyone reads the same time.
 */
export function formatTimestamp(unixSeconds: bigint | number): string {
  const ms = Number(unixSeconds) * 1000
  if (!Number.isFinite(ms)) return '—'
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`
}

/** Time of day in UTC: '15:54:03'. */
export function formatClock(unixSeconds: bigint | number): string {
  const ms = Number(unixSeconds) * 1000
  if (!Number.isFinite(ms)) return '—'
  return new Date(ms).toISOString().slice(11, 19)
}

/** `target - now` as 'in 40 s' or '2 min ago'. Both in unix seconds (use chain time for `now`). */
export function formatRelative(target: bigint | number, now: bigint | number): string {
  const delta = Number(target) - Number(now)
  if (delta === 0) return 'now'
  return delta > 0 ? `in ${formatDuration(delta)}` : `${formatDuration(-delta)} ago`
}

/** A block number: '#12,345'. */
export function formatBlockNumber(block: bigint | number): string {
  return `#${formatInteger(block)}`
}
