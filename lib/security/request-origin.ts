/**
 * Who sent a request, as far as the server can tell. Server side (route handlers).
 *
 * `isSameOrigin`: a browser names the page that sent a POST in `Origin` (and, in current browsers,
 * `Sec-Fetch-Site`); neither can be set by another site's script. A request from another site, or
 * without an Origin (not from a browser page), is not same-origin.
 *
 * `clientKey`: the address the request came from, for per-client rate limits. `next start` puts the
 * socket's address in `X-Forwarded-For` unless the request already has one, and a reverse proxy
 * appends the address it saw, so the last entry is the most trustworthy; a client talking to the app
 * directly can still claim any address, which is why every limit also has a global ceiling.
 */
export function requestHost(request: Request): string | null {
  return request.headers.get('x-forwarded-host') ?? request.headers.get('host')
}

export function isSameOrigin(request: Request): boolean {
  const site = request.headers.get('sec-fetch-site')
  if (site !== null && site !== 'same-origin') return false
  const origin = request.headers.get('origin')
  const host = requestHost(request)
  if (!origin || !host) return false
  try {
    return new URL(origin).host.toLowerCase() === host.toLowerCase()
  } catch {
    return false
  }
}

export function clientKey(request: Request): string {
  const forwarded = request.headers.get('x-forwarded-for')
  const last = forwarded?.split(',').at(-1)?.trim()
  return last || 'unknown'
}

/** Whether a request says its body is JSON (`application/json`, optionally with a charset). */
export function isJsonRequest(request: Request): boolean {
  return /^application\/json\s*(;|$)/i.test(request.headers.get('content-type') ?? '')
}
