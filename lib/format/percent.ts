import { formatDecimal } from './decimal'

/** Basis points → '99.5 %' (10_000 bps = 100 %). */
export function formatBps(bps: bigint, maxFractionDigits = 2): string {
  return `${formatDecimal(bps, 2, maxFractionDigits)}\u00a0%`
}

/** A fraction in [0, 1] → '12.34 %'. */
export function formatFraction(fraction: number, maxFractionDigits = 2): string {
  if (!Number.isFinite(fraction)) return '—'
  const percent = fraction * 100
  if (percent > 0 && percent < 10 ** -maxFractionDigits) return `<\u00a0${10 ** -maxFractionDigits}\u00a0%`
  return `${percent.toFixed(maxFractionDigits)}\u00a0%`
}
