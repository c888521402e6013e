import { describe, expect, it } from 'vitest'
import { fromWire, toWire, wireResponse } from './wire'

describe('wire JSON', () => {
  it('carries bigints (any size, negative, nested in arrays and objects) and everything else as is', () => {
    const value = {
      chainBlockNumber: 120n,
      huge: 2n ** 255n - 1n,
      negative: -7n,
      provers: [{ prover: '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC', stake: 10n ** 21n, status: 1 }],
      label: 'active',
      digits: '123',
      none: null,
    }
    const text = toWire(value)
    expect(text).toContain('"120n"')
    expect(fromWire(text)).toEqual(value)
  })

  it('refuses a string that would read back as a bigint', () => {
    expect(() => toWire({ note: '42n' })).toThrow('"42n" would read back as a bigint')
  })

  it('answers with JSON that is never cached', async () => {
    const response = wireResponse({ error: 'no' }, 400)
    expect(response.status).toBe(400)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(fromWire(await response.text())).toEqual({ error: 'no' })
  })
})
