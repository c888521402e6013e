/**
 * Server side: takes secrets out of text before it leaves the server or reaches a log. An RPC URL
 * from a provider usually carries its API key in the path, the query or the user info, so every one
 * of those parts is a secret, as is the URL itself.
 */
const MIN_SECRET_LENGTH = 4
export const REDACTED = '[redacted]'

/** The parts of an RPC URL that may carry a key: the URL, its path and query, user and password. */
export function rpcUrlSecrets(rpcUrl: string): string[] {
  const secrets = new Set<string>([rpcUrl, rpcUrl.replace(/\/+$/, '')])
  try {
    const url = new URL(rpcUrl)
    const pathAndQuery = `${url.pathname}${url.search}`
    if (pathAndQuery.length > 1) secrets.add(pathAndQuery)
    for (const segment of url.pathname.split('/')) secrets.add(decodeURIComponent(segment))
    for (const value of url.searchParams.values()) secrets.add(value)
    if (url.username) secrets.add(decodeURIComponent(url.username))
    if (url.password) secrets.add(decodeURIComponent(url.password))
  } catch {
    // Not a URL: the whole string is the secret.
  }
  return [...secrets].filter((s) => s.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length)
}

/** A function that replaces every occurrence of each secret (longest first) with "[redacted]". */
export function createRedactor(secrets: readonly string[]): (text: string) => string {
  const list = secrets.filter((s) => s.length >= MIN_SECRET_LENGTH)
  return (text) => {
    let out = text
    for (const secret of list) out = out.split(secret).join(REDACTED)
    return out
  }
}
