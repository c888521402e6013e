import { connectorsForWallets, type WalletList } from '@rainbow-me/rainbowkit'
import { injectedWallet, walletConnectWallet } from '@rainbow-me/rainbowkit/wallets'
import { cookieStorage, createConfig, createStorage, http } from 'wagmi'
import { DEV_ACCOUNT_CHAIN_ID, devAccountWallet } from '@/lib/wallet/dev-account'
import { absoluteRpcUrl, chainFor } from './chains'
import type { ChainSettings } from './types'

/**
 * RainbowKit's own test for a phone (its modal is then a sheet that lists only the wallets configured
 * here, never the EIP-6963 ones): an Android or iOS user agent.
 */
function isPhoneBrowser(): boolean {
  const { userAgent, platform, maxTouchPoints } = navigator
  return /android|iPhone|iPod|iPad/i.test(userAgent) || (platform === 'MacIntel' && maxTouchPoints > 1)
}

/**
 * Whether to leave out the generic "Browser Wallet" entry: when there is no `window.ethereum`, or when a
 * wallet has announced itself through EIP-6963 (asked synchronously: announcements answer
 * `eip6963:requestProvider` during the dispatch). Announced wallets are listed by their own name under
 * "Installed" (wagmi's multi-injected discovery), so the generic entry would only repeat one of them.
 * Not on a phone: RainbowKit's phone sheet leaves announced wallets out, so a wallet app's in-app
 * browser would otherwise offer nothing to connect.
 */
function hideGenericInjected(): boolean {
  if (typeof window === 'undefined') return false
  if (!('ethereum' in window) || !window.ethereum) return true
  if (isPhoneBrowser()) return false
  let announced = false
  const listener = () => {
    announced = true
  }
  window.addEventListener('eip6963:announceProvider', listener)
  window.dispatchEvent(new Event('eip6963:requestProvider'))
  window.removeEventListener('eip6963:announceProvider', listener)
  return announced
}

/**
 * The wallet config (wagmi + RainbowKit connectors) for the pages that write: /stake only, so the
 * read-only pages never download wallet code. `ssr: true` with cookie storage: the stake page's wallet
 * layer starts from the connection stored in the request's cookie and reconnects it at once
 * (components/stake/wallet-layer.tsx).
 *
 * Wallets offered: every EIP-6963 wallet the browser announces (by its own name and icon), a generic
 * injected `window.ethereum` wallet when none announces itself, and on the local chain (31337) only, the
 * built-in dev account (anvil's public key #2), so a newcomer can stake without an extension; with
 * a WalletConnect project id (WALLETCONNECT_PROJECT_ID), phone wallets over WalletConnect.
 */
export function createWalletConfig(
  settings: ChainSettings,
  { walletConnectProjectId = null }: { walletConnectProjectId?: string | null } = {},
) {
  const chain = chainFor(settings.chainId, settings.rpcUrl)
  const wallets: WalletList = [
    {
      groupName: 'Browser wallets',
      wallets: [() => ({ ...injectedWallet(), hidden: hideGenericInjected })],
    },
  ]
  // A phone wallet signs over WalletConnect (QR code on a desktop, a deep link on the phone). Its SDK
  // is fetched by the connector only when chosen, so even /stake does not load it up front.
  if (walletConnectProjectId) wallets.push({ groupName: 'Phone wallets', wallets: [walletConnectWallet] })
  if (settings.chainId === DEV_ACCOUNT_CHAIN_ID) {
    wallets.push({ groupName: 'Local development', wallets: [devAccountWallet({ rpcUrl: settings.rpcUrl })] })
  }
  const connectors = connectorsForWallets(wallets, {
    appName: 'Prover Pool',
    // Without an operator's id no WalletConnect wallet is offered; injected wallets ignore the id.
    projectId: walletConnectProjectId ?? 'prover-pool',
  })
  return createConfig({
    chains: [chain],
    connectors,
    // EIP-6963: wallets that announce themselves become connectors of their own.
    multiInjectedProviderDiscovery: true,
    transports: { [chain.id]: http(absoluteRpcUrl(settings.rpcUrl), { batch: false }) },
    ssr: true,
    storage: createStorage({ storage: cookieStorage }),
  })
}

export type WalletConfig = ReturnType<typeof createWalletConfig>
