import { formatDecimal } from './decimal'

/** TKO has 18 decimals. */
export const TKO_DECIMALS = 18

/** TKO wei → '12,345.67 TKO'. */
export function formatTko(wei: bigint, { maxFractionDigits = 2, unit = true } = {}): string {
  const text = formatDecimal(wei, TKO_DECIMALS, maxFractionDigits)
  return unit ? `${text} TKO` : text
}

/**
 * A fee or reward per gas (TKO wei per gas) in gwei of TKO: 1_000_048_828n → '1.000049 gwei'.
 * Six decimals by default because `F` moves by 1/1024 of a difference per proof. Defined with the
 * rest of the per-gas unit in ./per-gas.ts.
 */
export { formatPerGas } from './per-gas'

/** A per-gas value as a plain `number` of gwei, for charts only. */
export function perGasToGweiNumber(weiPerGas: bigint): number {
  return Number(weiPerGas) / 1e9
}

/** TKO wei as a plain `number` of TKO, for charts only. */
export function tkoToNumber(wei: bigint): number {
  return Number(wei / 10n ** 12n) / 1e6
}
