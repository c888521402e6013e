import { describe, expect, it } from 'vitest'
import { contentSecurityPolicy } from '@/lib/security/headers'
import {
  WALLETCONNECT_CONNECT_SOURCES,
  WALLETCONNECT_FRAME_SOURCES,
  walletConnectProjectId,
} from './walletconnect'

describe('WalletConnect configuration', () => {
  it('takes a 32-hex-digit project id and ignores anything else', () => {
    expect(walletConnectProjectId('0123456789abcdef0123456789ABCDEF')).toBe(
      '0123456789abcdef0123456789ABCDEF',
    )
    expect(walletConnectProjectId(' 0123456789abcdef0123456789abcdef\n')).toBe(
      '0123456789abcdef0123456789abcdef',
    )
    expect(walletConnectProjectId(undefined)).toBeNull()
    expect(walletConnectProjectId('')).toBeNull()
    expect(walletConnectProjectId('prover-pool')).toBeNull()
    expect(walletConnectProjectId('0123456789abcdef0123456789abcdef0')).toBeNull()
  })

  it('opens the CSP to its relay and Verify iframe only when asked', () => {
    const base = { nonce: 'bm9uY2U=', https: true, dev: false }
    const without = contentSecurityPolicy({ ...base, connectSources: [] })
    expect(without).not.toContain('walletconnect')
    expect(without).not.toContain('frame-src')
    const csp = contentSecurityPolicy({
      ...base,
      connectSources: WALLETCONNECT_CONNECT_SOURCES,
      frameSources: WALLETCONNECT_FRAME_SOURCES,
    })
    expect(csp).toContain("connect-src 'self' wss://relay.walletconnect.com")
    expect(csp).toContain('frame-src https://verify.walletconnect.com https://verify.walletconnect.org')
    expect(csp).toContain("frame-ancestors 'none'")
  })
})
