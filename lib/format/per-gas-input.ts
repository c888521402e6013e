import { type DecimalMark, formatDecimalInput, parseDecimalInput } from './decimal-input'
import { PER_GAS_DECIMALS } from './per-gas'

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
