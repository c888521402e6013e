import { describe, expect, it } from 'vitest'
import { createRedactor, rpcUrlSecrets } from './redact'

describe('redacting an RPC URL', () => {
  it('takes the key out of the path, the query and the user info, wherever it appears', () => {
    const redact = createRedactor([
      ...rpcUrlSecrets('https://eth-mainnet.example.com/v2/abcDEF123456'),
      ...rpcUrlSecrets('https://user:p4ssw0rd@rpc.example.org/?apikey=QUERYKEY99'),
    ])
    expect(redact('POST https://eth-mainnet.example.com/v2/abcDEF123456 failed')).toBe(
      'POST [redacted] failed',
    )
    expect(redact('key abcDEF123456 in a message')).toBe('key [redacted] in a message')
    expect(redact('details: apikey=QUERYKEY99, password p4ssw0rd')).toBe(
      'details: apikey=[redacted], password [redacted]',
    )
  })

  it('leaves a plain local URL readable (nothing secret in it) and short fragments alone', () => {
    expect(rpcUrlSecrets('http://127.0.0.1:8545')).toEqual(['http://127.0.0.1:8545'])
    expect(createRedactor(['ab'])('ab ab')).toBe('ab ab')
  })
})
