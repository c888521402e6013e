import { describe, expect, it } from 'vitest'
import type { ChainSettings } from './types'
import { createWalletConfig } from './wagmi'

const settings: ChainSettings = {
  chainId: 167_000,
  rpcUrl: 'https://rpc.example.org',
  explorerUrl: null,
  faucet: false,
  addresses: {
    token: '0x0000000000000000000000000000000000000001',
    protocol: '0x0000000000000000000000000000000000000002',
    lens: '0x0000000000000000000000000000000000000003',
    verifier: '0x0000000000000000000000000000000000000004',
  },
  deployBlock: '0',
} as unknown as ChainSettings

/**
 * The wallets RainbowKit lists, by id (`rkDetails`: outside a browser RainbowKit builds its
 * WalletConnect connectors as mocks, but keeps the wallet each one stands for).
 */
function walletIds(config: ReturnType<typeof createWalletConfig>): string[] {
  return config.connectors.map((c) => (c as unknown as { rkDetails?: { id?: string } }).rkDetails?.id ?? c.id)
}

describe('createWalletConfig', () => {
  it('offers only injected wallets without a WalletConnect project id', () => {
    const ids = walletIds(createWalletConfig(settings))
    expect(ids).toContain('injected')
    expect(ids).not.toContain('walletConnect')
  })
  it('offers WalletConnect when the operator set a project id', () => {
    const ids = walletIds(
      createWalletConfig(settings, { walletConnectProjectId: '0123456789abcdef0123456789abcdef' }),
    )
    expect(ids).toContain('injected')
    expect(ids).toContain('walletConnect')
  })
})
