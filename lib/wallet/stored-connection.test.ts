import { describe, expect, it } from 'vitest'
import { createStorage } from 'wagmi'
import { hasStoredConnection, WAGMI_STORE_COOKIE } from './stored-connection'

/** The cookie value wagmi itself writes for a stored state (its storage's own serialisation). */
async function wagmiCookie(state: { current: string | null; chainId: number }): Promise<string> {
  let written = ''
  const storage = createStorage({
    storage: {
      getItem: () => null,
      setItem: (_key, value) => {
        written = value
      },
      removeItem: () => {},
    },
  })
  await storage.setItem('store', { state: { ...state, connections: new Map() }, version: 2 })
  return `theme=dark; ${WAGMI_STORE_COOKIE}=${written}; other=1`
}

describe('a stored wallet connection in the cookie', () => {
  it('is found when wagmi stored a current connection', async () => {
    expect(hasStoredConnection(await wagmiCookie({ current: 'a1b2c3', chainId: 31337 }))).toBe(true)
  })

  it('is not there after a disconnect, without the cookie, or with a cookie that is not wagmi’s', async () => {
    expect(hasStoredConnection(await wagmiCookie({ current: null, chainId: 31337 }))).toBe(false)
    expect(hasStoredConnection(null)).toBe(false)
    expect(hasStoredConnection('theme=dark')).toBe(false)
    expect(hasStoredConnection(`${WAGMI_STORE_COOKIE}={not json`)).toBe(false)
    expect(
      hasStoredConnection(`${WAGMI_STORE_COOKIE}=%7B%22state%22%3A%7B%22current%22%3A%22x%22%7D%7D`),
    ).toBe(true)
  })
})
