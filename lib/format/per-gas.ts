import { formatDecimal, formatInteger } from './decimal'
import { type DecimalMark, formatDecimalInput, parseDecimalInput } from './decimal-input'

/**
 * R and F, the reward and the fee per gas, in one unit wherever a reader sees or types them: gwei of
 * TKO per gas (1 gwei = 10⁹ wei). The contracts store wei per gas; the exact wei value is shown on
 * hover (`perGasTitle`) and written in CSV files.
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

/** A per-gas value as the text of an input, in gwei with every digit: 950_000_001n → '0.950000001'. */
export function perGasInputText(weiPerGas: bigint, mark: DecimalMark = '.'): string {
  return formatDecimalInput(weiPerGas, PER_GAS_DECIMALS, mark)
}

export type PerGasInputResult =
  | { ok: true; value: bigint }
  | { ok: false; reason: 'empty' | 'not-a-number' | 'too-many-decimals' }

/**
 * Gwei per gas as typed ("0.95", "0,95", "1") → wei per gas. At most 9 decimals: a wei is the
 * smallest step, so nothing is rounded.
 */
export function parsePerGas(text: string, mark: DecimalMark = '.'): PerGasInputResult {
  const parsed = parseDecimalInput(text, PER_GAS_DECIMALS, mark)
  return parsed.ok ? parsed : { ok: false, reason: parsed.reason }
}
