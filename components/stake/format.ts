import { formatDecimal, formatInteger } from '@/lib/format/decimal'
import { formatPerGas } from '@/lib/format/per-gas'
import { formatFraction } from '@/lib/format/percent'
import { formatScientific } from '@/lib/wallet/error-messages'

/** A weight as the leaderboard shows it (÷ 1e18), e.g. '1,234.5'. */
export function formatWeight(weight: bigint): string {
  return formatDecimal(weight, 18, 1)
}

/** The raw weight, as custom errors carry it: '1.2e21'. */
export const formatRawWeight = formatScientific

/** A selection probability with "about 1 in N blocks". */
export function formatOdds(probability: number): string {
  if (probability <= 0) return '0 % (not selected)'
  return `${formatFraction(probability)} (about 1 in ${formatInteger(Math.max(1, Math.round(1 / probability)))} blocks)`
}

/** R or F in gwei of TKO per gas, every digit: '0.95 gwei' (the exact wei: `perGasTitle`). */
export function formatReward(weiPerGas: bigint): string {
  return formatPerGas(weiPerGas, { maxFractionDigits: 9 })
}

/** Expected blocks per day, one decimal. */
export function formatBlocksPerDay(blocks: number): string {
  if (!Number.isFinite(blocks)) return '—'
  return blocks >= 100 ? formatInteger(Math.round(blocks)) : blocks.toFixed(1)
}
