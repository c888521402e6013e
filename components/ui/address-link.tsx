import Link from 'next/link'
import type { Address } from 'viem'
import { shortAddress } from '@/lib/format/address'

/** A shortened address for the eye, the full one for screen readers and as a tooltip. */
export function AddressText({ address }: { address: Address }) {
  return (
    <span title={address} className="font-mono">
      <span aria-hidden="true">{shortAddress(address)}</span>
      <span className="sr-only">{address}</span>
    </span>
  )
}

/**
 * A prover address linking to its page. Not prefetched: a leaderboard shows dozens of them, and
 * prefetching every one as it scrolls into view costs a phone more than the rare click saves.
 */
export function ProverLink({ address }: { address: Address }) {
  return (
    <Link href={`/provers/${address}`} prefetch={false}>
      <AddressText address={address} />
    </Link>
  )
}
