import { describe, expect, it } from 'vitest'
import { contentSecurityPolicy, createNonce, originOf, securityHeaders } from './headers'

const base = { nonce: 'bm9uY2U=', connectSources: [], https: false, dev: false }

describe('security headers', () => {
  it('allows scripts only with the nonce, connections only to the app and the public RPC, and no framing', () => {
    const csp = contentSecurityPolicy({ ...base, connectSources: ['https://rpc.example.org'] })
    expect(csp).toContain("script-src 'self' 'nonce-bm9uY2U=' 'strict-dynamic'")
    expect(csp).not.toContain('unsafe-eval')
    expect(csp).toContain("connect-src 'self' https://rpc.example.org")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).toContain("object-src 'none'")
    expect(csp).not.toContain('upgrade-insecure-requests')
    expect(csp.split('; ').find((d) => d.startsWith('script-src'))).not.toContain('unsafe-inline')
  })

  it('adds HSTS and upgrades insecure requests only over HTTPS', () => {
    expect(securityHeaders(base)['Strict-Transport-Security']).toBeUndefined()
    const https = securityHeaders({ ...base, https: true })
    expect(https['Strict-Transport-Security']).toBe('max-age=63072000; includeSubDomains')
    expect(https['Content-Security-Policy']).toContain('upgrade-insecure-requests')
  })

  it('sets nosniff, a referrer policy, a permissions policy and X-Frame-Options', () => {
    expect(securityHeaders(base)).toMatchObject({
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'same-origin',
      'Permissions-Policy': expect.stringContaining('camera=()'),
    })
  })

  it('allows eval only for next dev', () => {
    expect(contentSecurityPolicy({ ...base, dev: true })).toContain("'unsafe-eval'")
  })

  it('takes only the origin of an RPC URL, never its path (a key stays out of the header)', () => {
    expect(originOf('https://eth.example.com/v2/SECRETKEY?x=1')).toBe('https://eth.example.com')
    expect(originOf('/api/rpc')).toBeNull()
    expect(originOf('javascript:alert(1)')).toBeNull()
    expect(originOf(undefined)).toBeNull()
  })

  it('makes a new 128-bit nonce every time', () => {
    const a = createNonce()
    expect(atob(a)).toHaveLength(16)
    expect(createNonce()).not.toBe(a)
  })
})
