/**
 * Whether the request's cookie holds a wallet connection wagmi stored (its cookie storage, key
 * `wagmi.store`: `{ state: { current: <connection uid> | null, … }, version }`), with no wagmi code:
 * the stake page then loads its wallet layer at once, to reconnect.
 */
export const WAGMI_STORE_COOKIE = 'wagmi.store'

export function hasStoredConnection(cookie: string | null): boolean {
  if (!cookie) return false
  const entry = cookie.split('; ').find((part) => part.startsWith(`${WAGMI_STORE_COOKIE}=`))
  if (!entry) return false
  const value = entry.slice(WAGMI_STORE_COOKIE.length + 1)
  for (const text of [value, safeDecode(value)]) {
    try {
      const stored = JSON.parse(text) as { state?: { current?: unknown } } | null
      const current = stored?.state?.current
      return typeof current === 'string' && current !== ''
    } catch {
      // not JSON as is: try it URI-decoded
    }
  }
  return false
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}
