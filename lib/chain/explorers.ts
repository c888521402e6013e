/**
 * Block explorers of the chains the app knows, for "view on explorer" links. Browser-safe. The
 * operator can name another one (or one for an unknown chain) with EXPLORER_URL; the local chain has
 * none.
 */
const knownExplorers: Record<number, string> = {
  1: 'https://etherscan.io',
  17000: 'https://holesky.etherscan.io',
  11155111: 'https://sepolia.etherscan.io',
  560048: 'https://hoodi.etherscan.io',
  167000: 'https://taikoscan.io',
  167009: 'https://hekla.taikoscan.io',
}

/** The explorer's base URL for a chain (EXPLORER_URL first), or `null` when there is none. */
export function explorerFor(chainId: number, configured?: string | undefined): string | null {
  const url = configured?.trim() || knownExplorers[chainId]
  if (!url) return null
  try {
    const parsed = new URL(url)
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null
    return parsed.toString().replace(/\/+$/, '')
  } catch {
    return null
  }
}

/** Link to a transaction on the explorer (Etherscan-style `/tx/<hash>`). */
export function explorerTxUrl(explorerUrl: string, hash: string): string {
  return `${explorerUrl}/tx/${hash}`
}
