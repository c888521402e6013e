import { type NextRequest, NextResponse } from 'next/server'
import { createNonce, originOf, securityHeaders } from '@/lib/security/headers'
import {
  WALLETCONNECT_CONNECT_SOURCES,
  WALLETCONNECT_FRAME_SOURCES,
  walletConnectProjectId,
} from '@/lib/wallet/walletconnect'

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
  // WalletConnect runs on the signing page only, and only when the operator configured it.
  const walletConnect =
    request.nextUrl.pathname.startsWith('/stake') &&
    walletConnectProjectId(process.env.WALLETCONNECT_PROJECT_ID) !== null
  const headers = securityHeaders({
    nonce,
    connectSources: [
      ...(publicRpcOrigin ? [publicRpcOrigin] : []),
      ...(walletConnect ? WALLETCONNECT_CONNECT_SOURCES : []),
    ],
    frameSources: walletConnect ? WALLETCONNECT_FRAME_SOURCES : [],
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
