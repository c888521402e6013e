import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { shortAddress } from './address'
import { formatDecimal, formatInteger, formatNumber } from './decimal'
import { formatBps, formatFraction } from './percent'
import { formatDuration, formatDurationMs, formatRelative, formatTimestamp } from './time'
import { formatPerGas, formatTko } from './units'

describe('formatDecimal', () => {
  it('groups thousands and rounds half up at the last kept digit', () => {
    expect(formatDecimal(1_234_567_890_000_000_000_000n, 18, 2)).toBe('1,234.57')
    expect(formatDecimal(1_005n, 3, 2)).toBe('1.01')
    expect(formatDecimal(1_004n, 3, 2)).toBe('1')
  })
  it('drops trailing zeros and keeps the sign of negative amounts', () => {
    expect(formatDecimal(1_500_000_000_000_000_000n, 18, 4)).toBe('1.5')
    expect(formatDecimal(-2_500n, 3, 1)).toBe('-2.5')
    expect(formatDecimal(0n, 18, 2)).toBe('0')
  })
  it('formats integers with separators', () => {
    expect(formatInteger(2_345_678n)).toBe('2,345,678')
    expect(formatInteger(-1_000)).toBe('-1,000')
  })
})

describe('formatNumber (chart values, without Intl)', () => {
  it('writes what en-US toLocaleString writes', () => {
    expect(formatNumber(1.00004882, 6)).toBe('1.000049')
    expect(formatNumber(1234.5, 0)).toBe('1,235')
    expect(formatNumber(-0.0000001, 6)).toBe('0')
    expect(formatNumber(Number.NaN, 2)).toBe('—')
    fc.assert(
      fc.property(
        // Up to 13 significant digits shown (a chart's): beyond 15, Intl writes the shortest decimal and
        // toFixed the exact binary value.
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.integer({ min: 0, max: 6 }),
        (value, digits) => {
          const expected = value.toLocaleString('en-US', { maximumFractionDigits: digits })
          expect(formatNumber(value, digits)).toBe(expected === '-0' ? '0' : expected)
        },
      ),
      { numRuns: 2_000 },
    )
  })
})

describe('units', () => {
  it('shows TKO with its unit and per-gas amounts in gwei', () => {
    expect(formatTko(10_000n * 10n ** 18n, { maxFractionDigits: 0 })).toBe('10,000 TKO')
    expect(formatPerGas(1_000_048_828n)).toBe('1.000049 gwei')
    expect(formatPerGas(1_000_000_000n)).toBe('1 gwei')
  })
})

describe('percentages', () => {
  it('shows basis points and fractions as percent', () => {
    expect(formatBps(9_950n)).toBe('99.5\u00a0%')
    expect(formatBps(10_000n)).toBe('100\u00a0%')
    expect(formatFraction(0.2136)).toBe('21.36\u00a0%')
    expect(formatFraction(0.000_01)).toBe('<\u00a00.01\u00a0%')
    expect(formatFraction(0)).toBe('0.00\u00a0%')
  })
})

describe('time', () => {
  it('shows durations in the largest two units', () => {
    expect(formatDuration(45n)).toBe('45 s')
    expect(formatDuration(750)).toBe('12 min 30 s')
    expect(formatDuration(7_500)).toBe('2 h 5 min')
    expect(formatDuration(7 * 86_400 + 3 * 3_600)).toBe('7 d 3 h')
  })

  it('formats millisecond durations with up to one decimal below a minute', () => {
    expect(formatDurationMs(12_000n)).toBe('12 s')
    expect(formatDurationMs(11_950n)).toBe('11.9 s')
    expect(formatDurationMs(999n)).toBe('0.9 s')
    expect(formatDurationMs(0n)).toBe('0 s')
    expect(formatDurationMs(59_999n)).toBe('59.9 s')
    expect(formatDurationMs(20n * 60_000n)).toBe('20 min')
    expect(formatDurationMs(750_400)).toBe('12 min 30 s')
  })
  it('shows times in UTC and relative to chain time', () => {
    expect(formatTimestamp(1_700_000_000n)).toBe('2023-11-14 22:13:20 UTC')
    expect(formatRelative(140n, 100n)).toBe('in 40 s')
    expect(formatRelative(100n, 220n)).toBe('2 min ago')
  })
  it('shortens addresses', () => {
    expect(shortAddress('0x976EA74026E726554dB657fA54763abd0C3a0aa9')).toBe('0x976E…0aa9')
  })
})
