/**
 * WalletConnect, so a prover can sign from a phone wallet: offered on /stake (through RainbowKit) when
 * the operator sets WALLETCONNECT_PROJECT_ID (a public id from https://cloud.reown.com; it is sent to
 * the browser). Without it only injected wallets are offered and nothing of WalletConnect loads.
 */

/** A WalletConnect Cloud project id: 32 hex digits. Anything else is ignored (`null`). */
export function walletConnectProjectId(value: string | undefined): string | null {
  const id = value?.trim() ?? ''
  return /^[0-9a-f]{32}$/i.test(id) ? id : null
}

/**
 * What the WalletConnect client connects to from the page (its relay, RPC and telemetry), for the
 * Content-Security-Policy's connect-src on /stake, when a project id is set.
 */
export const WALLETCONNECT_CONNECT_SOURCES = [
  'wss://relay.walletconnect.com',
  'wss://relay.walletconnect.org',
  'https://rpc.walletconnect.com',
  'https://rpc.walletconnect.org',
  'https://pulse.walletconnect.org',
  'https://api.web3modal.org',
  'https://explorer-api.walletconnect.com',
] as const

/** The Verify API's iframe (the wallet checks which site asks it to sign), for frame-src. */
export const WALLETCONNECT_FRAME_SOURCES = [
  'https://verify.walletconnect.com',
  'https://verify.walletconnect.org',
] as const
