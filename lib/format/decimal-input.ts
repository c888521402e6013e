/**
 * Reading decimal numbers as people type them, and writing them back into an input, in the reader's
 * locale: "0,95" is 0.95 where the comma is the decimal mark (de, fr, es, …), "1.000,5" is 1000.5
 * there and "1,000.5" is 1000.5 in English. Exact: the result is a fixed-point `bigint`, never a float.
 */

export type DecimalMark = '.' | ','

/** The decimal mark of a locale (`undefined`: the runtime's default), from Intl. */
export function decimalMarkOf(locale?: string | readonly string[]): DecimalMark {
  try {
    const parts = new Intl.NumberFormat(locale as string | string[] | undefined).formatToParts(1.5)
    return parts.find((p) => p.type === 'decimal')?.value === ',' ? ',' : '.'
  } catch {
    return '.'
  }
}

export type DecimalInputResult =
  | { ok: true; value: bigint }
  | { ok: false; reason: 'empty' | 'not-a-number' | 'too-many-decimals'; decimals?: number }

const SPACES = /[\s\u00a0\u202f']/g

/**
 * Parses a non-negative decimal typed in an input into a fixed-point integer with `decimals`
 * digits ("0,95" with 9 decimals → 950_000_000n).
 *
 * The locale's decimal mark is the decimal mark; the other mark is accepted as a thousands separator
 * when it groups digits by three ("1.000,5" in de, "1,000.5" in en). A single other mark that does
 * not group by three is read as a decimal mark too ("0.95" pasted into a German page, "0,95" typed on
 * an English one): no other reading makes sense, and refusing it would only confuse. Spaces (also
 * no-break and narrow no-break) and apostrophes are ignored as group separators.
 */
export function parseDecimalInput(
  text: string,
  decimals: number,
  mark: DecimalMark = '.',
): DecimalInputResult {
  const compact = text.trim().replace(SPACES, '')
  if (compact === '') return { ok: false, reason: 'empty' }
  const other = mark === '.' ? ',' : '.'
  const grouped = new RegExp(`^\\d{1,3}(?:\\${other}\\d{3})+(?:\\${mark}\\d*)?$`)
  let normalized: string
  if (grouped.test(compact)) {
    normalized = compact.replaceAll(other, '').replace(mark, '.')
  } else if (!compact.includes(mark) && compact.split(other).length === 2) {
    normalized = compact.replace(other, '.')
  } else {
    normalized = compact.replace(mark, '.')
  }
  const match = /^(\d*)(?:\.(\d*))?$/.exec(normalized)
  if (!match || (match[1] === '' && (match[2] ?? '') === '')) return { ok: false, reason: 'not-a-number' }
  const whole = match[1] || '0'
  const fraction = (match[2] ?? '').replace(/0+$/, '')
  if (fraction.length > decimals) return { ok: false, reason: 'too-many-decimals', decimals: fraction.length }
  return {
    ok: true,
    value: BigInt(whole) * 10n ** BigInt(decimals) + BigInt(fraction.padEnd(decimals, '0') || '0'),
  }
}

/**
 * A fixed-point value as text to put into an input: every digit kept, no thousands separators, the
 * locale's decimal mark (950_000_000n with 9 decimals → "0.95", or "0,95").
 */
export function formatDecimalInput(value: bigint, decimals: number, mark: DecimalMark = '.'): string {
  const negative = value < 0n
  const abs = negative ? -value : value
  const scale = 10n ** BigInt(decimals)
  const fraction = (abs % scale).toString().padStart(decimals, '0').replace(/0+$/, '')
  return `${negative ? '-' : ''}${abs / scale}${fraction ? `${mark}${fraction}` : ''}`
}
