import { type NextRequest, NextResponse } from 'next/server'
import { createNonce, originOf, securityHeaders } from '@/lib/security/headers'

/**
 * Next.js Proxy (the Next 16 name for middleware; Node.js runtime): runs before every request,
 * static files included, and sets the security headers of lib/security/headers.ts at runtime, so
 * they follow the configured chain (PUBLIC_RPC_URL's origin). The Content-Security-Policy carries a
 * fresh nonce; Next.js reads it from the request's CSP header and puts it on its own scripts (every
 * page is rendered per request already).
 */
export function proxy(request: NextRequest): NextResponse {
  const nonce = createNonce()
  const forwardedProto = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim()
  const publicRpcOrigin = originOf(process.env.PUBLIC_RPC_URL)
  const headers = securityHeaders({
    nonce,
    connectSources: publicRpcOrigin ? [publicRpcOrigin] : [],
    https: request.nextUrl.protocol === 'https:' || forwardedProto === 'https',
    dev: process.env.NODE_ENV === 'development',
  })
  const requestHeaders = new Headers(request.headers)
  requestHeaders.set('x-nonce', nonce)
  requestHeaders.set('content-security-policy', headers['Content-Security-Policy'] ?? '')
  const response = NextResponse.next({ request: { headers: requestHeaders } })
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value)
  return response
}
