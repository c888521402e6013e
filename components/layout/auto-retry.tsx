'use client'

import { useRouter } from 'next/navigation'
import { useEffect } from 'react'

const RETRY_MS = 5_000

/** Re-renders the page from the server every few seconds until the chain can be read. */
export function AutoRetry() {
  const router = useRouter()
  useEffect(() => {
    const id = setInterval(() => router.refresh(), RETRY_MS)
    return () => clearInterval(id)
  }, [router])
  return <p className="mt-3 text-sm">This page checks again every {RETRY_MS / 1000} seconds.</p>
}
