/**
 * Whether the data a panel shows is live or stale, as one small browser-side store any data source
 * reports to and the header and the panels read. Generic: a source is a name ('pool', 'history', …)
 * with the last time (and block) its data was read successfully and whether its latest read failed.
 * A source is stale from a failed read until the next successful one, so a retry in flight does not
 * flicker back to "live".
 */
export type SourceReport = {
  /** The latest settled read failed. */
  failing: boolean
  /** When the data shown was read (ms since epoch). */
  dataAt: number
  /** The chain block the data shown is for, when it has one. */
  dataBlock?: bigint | undefined
  /** What failed, in words (never a URL). */
  error?: string | undefined
  /** The read worked but its source lags the chain (an indexer catching up), rather than failing. */
  behind?: boolean | undefined
}

export type FreshnessSnapshot = ReadonlyMap<string, SourceReport>

type Listener = () => void

let snapshot: FreshnessSnapshot = new Map()
const listeners = new Set<Listener>()
const empty: FreshnessSnapshot = new Map()

function same(a: SourceReport | undefined, b: SourceReport): boolean {
  return (
    a !== undefined &&
    a.failing === b.failing &&
    a.dataAt === b.dataAt &&
    a.dataBlock === b.dataBlock &&
    a.error === b.error &&
    a.behind === b.behind
  )
}

export const freshnessStore = {
  subscribe(listener: Listener): () => void {
    listeners.add(listener)
    return () => listeners.delete(listener)
  },
  getSnapshot(): FreshnessSnapshot {
    return snapshot
  },
  getServerSnapshot(): FreshnessSnapshot {
    return empty
  },
  report(source: string, report: SourceReport): void {
    if (same(snapshot.get(source), report)) return
    const next = new Map(snapshot)
    next.set(source, report)
    snapshot = next
    for (const listener of listeners) listener()
  },
  /** Forgets every source (tests). */
  reset(): void {
    snapshot = new Map()
    for (const listener of listeners) listener()
  },
}

/** The stale sources, oldest data first. */
export function staleSources(all: FreshnessSnapshot): [string, SourceReport][] {
  return [...all.entries()].filter(([, r]) => r.failing).sort((a, b) => a[1].dataAt - b[1].dataAt)
}

/** "12 s", "3 min", "2 h": how old data read at `dataAt` is at `now` (ms). */
export function formatAge(dataAt: number, now: number): string {
  const seconds = Math.max(0, Math.floor((now - dataAt) / 1000))
  if (seconds < 90) return `${seconds} s`
  const minutes = Math.floor(seconds / 60)
  if (minutes < 90) return `${minutes} min`
  return `${Math.floor(minutes / 60)} h`
}
