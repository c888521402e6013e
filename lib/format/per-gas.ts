import { formatDecimal, formatInteger } from './decimal'

/**
 * R and F, the reward and the fee per gas, in one unit wherever a reader sees or types them: gwei of
 * TKO per gas (1 gwei = 10⁹ wei). The contracts store wei per gas; the exact wei value is shown on
 * hover (`perGasTitle`) and written in CSV files. Typing one is lib/format/per-gas-input.ts (the
 * stake page's).
 */
export const PER_GAS_DECIMALS = 9

/** 950_000_000n → '0.95 gwei' (rounded half up to `maxFractionDigits`). */
export function formatPerGas(weiPerGas: bigint, { maxFractionDigits = 6, unit = true } = {}): string {
  const text = formatDecimal(weiPerGas, PER_GAS_DECIMALS, maxFractionDigits)
  return unit ? `${text} gwei` : text
}

/** The exact value, for a `title`: 950_000_000n → '950,000,000 wei of TKO per gas (0.95 gwei)'. */
export function perGasTitle(weiPerGas: bigint): string {
  return `${formatInteger(weiPerGas)} wei of TKO per gas (${formatPerGas(weiPerGas, { maxFractionDigits: PER_GAS_DECIMALS })})`
}
