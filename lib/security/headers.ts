/**
 * The security headers of every response (set at runtime by proxy.ts, so they follow the configured
 * chain): a Content-Security-Policy with a fresh nonce per request, and the headers that stop
 * framing, MIME sniffing, referrer leaks and unused powerful features. Pure: proxy.ts supplies the
 * nonce, the RPC origin and whether the request came over HTTPS.
 *
 * - Scripts: only Next.js's own, which carry the nonce ('strict-dynamic' lets them load their
 *   chunks); no inline script without it, no eval (except `next dev`, which needs it).
 * - Connections: this origin (the app's own RPC route, /api/rpc), plus the origin of PUBLIC_RPC_URL
 *   when the operator sends the browser elsewhere. Wallet extensions talk to their own background
 *   pages, not through the page's connections.
 * - Styles: this origin and inline styles (React style attributes, the charts and the wallet modal
 *   set them; styles cannot run code).
 * - WalletConnect (only with WALLETCONNECT_PROJECT_ID, only on /stake): its relay and RPC in
 *   connect-src and its Verify iframe in frame-src (lib/wallet/walletconnect.ts).
 * - Never framed (`frame-ancestors 'none'` and X-Frame-Options), so the signing page cannot be
 *   overlaid by another site (clickjacking).
 */
export type SecurityHeaderParameters = {
  nonce: string
  /** Origins the page may connect to besides its own (the public RPC's origin, when set). */
  connectSources: readonly string[]
  /** Origins the page may frame (WalletConnect's Verify iframe on /stake, when enabled); none by default. */
  frameSources?: readonly string[] | undefined
  /** The request came over HTTPS: add HSTS and upgrade-insecure-requests. */
  https: boolean
  /** `next dev`: React's dev build needs eval. */
  dev: boolean
}

/** A fresh, unguessable nonce (128 bits, base64). */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return btoa(String.fromCharCode(...bytes))
}

/** The origin of an absolute http(s)/ws(s) URL (never its path: a keyed URL's key stays out), or `null`. */
export function originOf(url: string | undefined): string | null {
  if (!url) return null
  try {
    const parsed = new URL(url)
    return ['http:', 'https:', 'ws:', 'wss:'].includes(parsed.protocol) ? parsed.origin : null
  } catch {
    return null
  }
}

export function contentSecurityPolicy({
  nonce,
  connectSources,
  frameSources = [],
  https,
  dev,
}: SecurityHeaderParameters): string {
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    ['style-src', "'self'", "'unsafe-inline'"],
    ['img-src', "'self'", 'data:', 'blob:'],
    ['font-src', "'self'", 'data:'],
    ['connect-src', "'self'", ...connectSources],
    ['worker-src', "'self'", 'blob:'],
    ...(frameSources.length > 0 ? [['frame-src', ...frameSources] as [string, ...string[]]] : []),
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'"],
    ['frame-ancestors', "'none'"],
  ]
  if (https) directives.push(['upgrade-insecure-requests'])
  return directives.map((d) => d.join(' ')).join('; ')
}

/** Features the app never uses, switched off for this origin and anything it might embed. */
const PERMISSIONS_POLICY = [
  'camera=()',
  'microphone=()',
  'geolocation=()',
  'payment=()',
  'usb=()',
  'hid=()',
  'serial=()',
  'bluetooth=()',
  'midi=()',
  'display-capture=()',
  'browsing-topics=()',
].join(', ')

export function securityHeaders(parameters: SecurityHeaderParameters): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Security-Policy': contentSecurityPolicy(parameters),
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    // Same-origin requests keep their Referer and Origin (the faucet checks Origin); other sites learn
    // nothing, not even which prover's page a link was on.
    'Referrer-Policy': 'same-origin',
    'Permissions-Policy': PERMISSIONS_POLICY,
  }
  if (parameters.https) headers['Strict-Transport-Security'] = 'max-age=63072000; includeSubDomains'
  return headers
}
