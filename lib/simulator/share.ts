import type { Compare } from './compare'
import type { Scenario } from './scenario'

/**
 * A scenario (and the second run it is compared with) as URL query values: base64url-encoded JSON.
 * `decodeShared` (share-read.ts) reads them back, checked like a file. Split in two so the page's own
 * bundle carries the encoder only.
 */
export type SharedRun = { scenario: Scenario; compare: Compare | null }

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text)
  let binary = ''
  for (const b of bytes) binary += String.fromCharCode(b)
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')
}

export function fromBase64Url(value: string): string {
  const base64 = value.replaceAll('-', '+').replaceAll('_', '/')
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4))
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)))
}

export function encodeShared({ scenario, compare }: SharedRun): URLSearchParams {
  const params = new URLSearchParams({ s: toBase64Url(JSON.stringify(scenario)) })
  if (compare) params.set('vs', toBase64Url(JSON.stringify(compare)))
  return params
}
