import { formatPerGas, perGasTitle } from '@/lib/format/per-gas'

/** A fee or reward per gas in gwei of TKO, the exact wei value on hover (lib/format/per-gas). */
export function PerGas({ value, maxFractionDigits }: { value: bigint; maxFractionDigits?: number }) {
  return <span title={perGasTitle(value)}>{formatPerGas(value, { maxFractionDigits })}</span>
}
