import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decimalMarkOf, formatDecimalInput, parseDecimalInput } from './decimal-input'
import { formatPerGas, PER_GAS_DECIMALS, perGasTitle } from './per-gas'
import { parsePerGas, perGasInputText } from './per-gas-input'

describe('decimalMarkOf', () => {
  it('knows which locales write a comma before the decimals', () => {
    expect(decimalMarkOf('en-US')).toBe('.')
    expect(decimalMarkOf('de-DE')).toBe(',')
    expect(decimalMarkOf('fr-FR')).toBe(',')
    expect(decimalMarkOf('ja-JP')).toBe('.')
  })
})

describe('parseDecimalInput', () => {
  it('reads a comma as the decimal mark where the locale does', () => {
    expect(parseDecimalInput('0,95', 9, ',')).toEqual({ ok: true, value: 950_000_000n })
    expect(parseDecimalInput('1.000,5', 2, ',')).toEqual({ ok: true, value: 100_050n })
    expect(parseDecimalInput('1,500', 3, ',')).toEqual({ ok: true, value: 1_500n })
  })
  it('reads a comma as a thousands separator where the locale groups with it', () => {
    expect(parseDecimalInput('1,500', 0, '.')).toEqual({ ok: true, value: 1_500n })
    expect(parseDecimalInput('1,234,567.25', 2, '.')).toEqual({ ok: true, value: 123_456_725n })
    expect(parseDecimalInput('1.000', 0, ',')).toEqual({ ok: true, value: 1_000n })
  })
  it('reads a lone other mark that cannot be grouping as the decimal mark', () => {
    expect(parseDecimalInput('0,95', 2, '.')).toEqual({ ok: true, value: 95n })
    expect(parseDecimalInput('0.95', 2, ',')).toEqual({ ok: true, value: 95n })
  })
  it('ignores spaces, no-break spaces and apostrophes between groups', () => {
    expect(parseDecimalInput(' 1 000 000 ', 0)).toEqual({ ok: true, value: 1_000_000n })
    expect(parseDecimalInput('1\u202f000,5', 1, ',')).toEqual({ ok: true, value: 10_005n })
    expect(parseDecimalInput("1'000.5", 1, '.')).toEqual({ ok: true, value: 10_005n })
  })
  it('accepts a missing whole part or fraction', () => {
    expect(parseDecimalInput('.5', 1)).toEqual({ ok: true, value: 5n })
    expect(parseDecimalInput(',5', 1, ',')).toEqual({ ok: true, value: 5n })
    expect(parseDecimalInput('5.', 1)).toEqual({ ok: true, value: 50n })
  })
  it('says why text is not a number it can read', () => {
    expect(parseDecimalInput('', 9)).toEqual({ ok: false, reason: 'empty' })
    expect(parseDecimalInput('   ', 9)).toEqual({ ok: false, reason: 'empty' })
    expect(parseDecimalInput('lots', 9)).toMatchObject({ ok: false, reason: 'not-a-number' })
    expect(parseDecimalInput('-1', 9)).toMatchObject({ ok: false, reason: 'not-a-number' })
    expect(parseDecimalInput('1.2.3', 9)).toMatchObject({ ok: false, reason: 'not-a-number' })
    expect(parseDecimalInput('1,2,3', 9)).toMatchObject({ ok: false, reason: 'not-a-number' })
    expect(parseDecimalInput('.', 9)).toMatchObject({ ok: false, reason: 'not-a-number' })
    expect(parseDecimalInput('1e9', 9)).toMatchObject({ ok: false, reason: 'not-a-number' })
  })
  it('refuses more decimals than the unit has, but not trailing zeros', () => {
    expect(parseDecimalInput('0.0000000001', 9)).toEqual({
      ok: false,
      reason: 'too-many-decimals',
      decimals: 10,
    })
    expect(parseDecimalInput('1.0000000000', 9)).toEqual({ ok: true, value: 1_000_000_000n })
  })
  it('reads back exactly what formatDecimalInput writes, in either locale', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 2n ** 96n }),
        fc.integer({ min: 0, max: 18 }),
        fc.constantFrom<'.' | ','>('.', ','),
        (value, decimals, mark) => {
          expect(parseDecimalInput(formatDecimalInput(value, decimals, mark), decimals, mark)).toEqual({
            ok: true,
            value,
          })
        },
      ),
    )
  })
})

describe('per gas (R and F)', () => {
  it('shows gwei, with the exact wei on hover', () => {
    expect(formatPerGas(950_000_000n)).toBe('0.95 gwei')
    expect(formatPerGas(1_000_048_828n)).toBe('1.000049 gwei')
    expect(perGasTitle(950_000_001n)).toBe('950,000,001 wei of TKO per gas (0.950000001 gwei)')
  })
  it('writes every wei into an input and reads it back from gwei as typed', () => {
    expect(perGasInputText(950_000_001n)).toBe('0.950000001')
    expect(perGasInputText(2_000_000_000n, ',')).toBe('2')
    expect(perGasInputText(1_500_000_000n, ',')).toBe('1,5')
    expect(parsePerGas('0,95', ',')).toEqual({ ok: true, value: 950_000_000n })
    expect(parsePerGas('0.95')).toEqual({ ok: true, value: 950_000_000n })
    expect(parsePerGas('18446744073.709551615')).toEqual({ ok: true, value: 2n ** 64n - 1n })
    expect(parsePerGas('0.0000000005')).toEqual({ ok: false, reason: 'too-many-decimals' })
  })
  it('round-trips every wei-per-gas value through the input text', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }),
        fc.constantFrom<'.' | ','>('.', ','),
        (wei, mark) => {
          expect(parsePerGas(perGasInputText(wei, mark), mark)).toEqual({ ok: true, value: wei })
        },
      ),
    )
    expect(PER_GAS_DECIMALS).toBe(9)
  })
})
