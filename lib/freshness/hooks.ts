'use client'

import { useEffect, useState, useSyncExternalStore } from 'react'
import { type FreshnessSnapshot, freshnessStore, type SourceReport } from './freshness'

/** Every source's freshness (re-renders when one changes). */
export function useFreshness(): FreshnessSnapshot {
  return useSyncExternalStore(
    freshnessStore.subscribe,
    freshnessStore.getSnapshot,
    freshnessStore.getServerSnapshot,
  )
}

/** One source's report, `undefined` until it reported. */
export function useSourceFreshness(source: string): SourceReport | undefined {
  return useFreshness().get(source)
}

/**
 * Reports a source after each settled read: `settled` false (a read in flight) keeps the previous
 * report, so a retry does not show "live" before it succeeds.
 */
export function useReportFreshness(source: string, report: SourceReport & { settled: boolean }): void {
  const { settled, failing, dataAt, dataBlock, error, behind } = report
  useEffect(() => {
    if (settled) freshnessStore.report(source, { failing, dataAt, dataBlock, error, behind })
  }, [source, settled, failing, dataAt, dataBlock, error, behind])
}

/** The wall clock, ticking every `intervalMs` while `enabled` (for "12 s old"). */
export function useNow(intervalMs: number, enabled: boolean): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!enabled) return
    setNow(Date.now())
    const id = setInterval(() => setNow(Date.now()), intervalMs)
    return () => clearInterval(id)
  }, [intervalMs, enabled])
  return now
}
