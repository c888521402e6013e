'use client'

import Link from 'next/link'
import { useRouter } from 'next/navigation'
import type { ComponentProps } from 'react'

/**
 * A link that prefetches its page when the reader reaches for it (pointer over it, focus, a touch), not
 * when it scrolls into view. Every page here is dynamic and live: a prefetch on sight is a server render
 * (a lens call, indexer reads) for each link on every page view, run while the page itself is still
 * loading — on a phone, and on a shared server — and its data is old by the time of a click.
 */
export function IntentLink({
  href,
  onMouseEnter,
  onFocus,
  onTouchStart,
  ...props
}: Omit<ComponentProps<typeof Link>, 'href' | 'prefetch'> & { href: string }) {
  const router = useRouter()
  return (
    <Link
      href={href}
      prefetch={false}
      onMouseEnter={(event) => {
        router.prefetch(href)
        onMouseEnter?.(event)
      }}
      onFocus={(event) => {
        router.prefetch(href)
        onFocus?.(event)
      }}
      onTouchStart={(event) => {
        router.prefetch(href)
        onTouchStart?.(event)
      }}
      {...props}
    />
  )
}
