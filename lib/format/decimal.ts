/**
 * Fixed-point `bigint` → display string, with thousands separators and rounding half up
 * (display only: amounts stay `bigint` everywhere else).
 *
 * formatDecimal(1_234_567_890_000_000_000_000n, 18, 2) === '1,234.57'
 */
export function formatDecimal(value: bigint, decimals: number, maxFractionDigits: number): string {
  const negative = value < 0n
  let abs = negative ? -value : value
  const digits = Math.max(0, Math.min(maxFractionDigits, decimals))
  if (decimals > digits) {
    const drop = 10n ** BigInt(decimals - digits)
    abs = (abs + drop / 2n) / drop
  }
  const scale = 10n ** BigInt(digits)
  const whole = abs / scale
  const fraction = digits > 0 ? (abs % scale).toString().padStart(digits, '0').replace(/0+$/, '') : ''
  const text = `${groupThousands(whole.toString())}${fraction ? `.${fraction}` : ''}`
  return negative && text !== '0' ? `-${text}` : text
}

/** '1234567' → '1,234,567'. */
export function groupThousands(integer: string): string {
  return integer.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

/** An integer (`bigint` or safe `number`) with separators. */
export function formatInteger(value: bigint | number): string {
  const text = typeof value === 'bigint' ? value.toString() : Math.trunc(value).toString()
  return text.startsWith('-') ? `-${groupThousands(text.slice(1))}` : groupThousands(text)
}

/**
 * A plain `number` (a chart value) with separators and at most `maxFractionDigits` decimals, as
 * `toLocaleString('en-US', { maximumFractionDigits })` writes it, without Intl: the first Intl
 * formatting of a page costs a phone milliseconds of locale set-up during hydration.
 */
export function formatNumber(value: number, maxFractionDigits: number): string {
  if (!Number.isFinite(value)) return '—'
  const [whole = '0', fraction = ''] = Math.abs(value).toFixed(maxFractionDigits).split('.')
  const digits = fraction.replace(/0+$/, '')
  const text = `${groupThousands(whole)}${digits ? `.${digits}` : ''}`
  return value < 0 && text !== '0' ? `-${text}` : text
}
