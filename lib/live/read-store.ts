/**
 * The read-only pages' live reads: a small keyed cache of reads, shared by every component that asks
 * for the same key, polled while someone is looking. It does what the pages needed from TanStack
 * Query (one read per key in flight, the last data kept while the next key loads, a retry, a refetch
 * interval that depends on the last outcome, entries dropped a while after the last reader leaves) in
 * a few hundred bytes, so the read-only pages' first load carries neither TanStack nor viem. The
 * stake page's wallet code still uses TanStack (wagmi needs it).
 *
 * Browser only for the cache itself: on the server (and during hydration) a read is its initial data,
 * so a request never sees another request's reads.
 */

export type ReadState<T> = {
  data: T | undefined
  error: unknown
  status: 'pending' | 'success' | 'error'
  /** When `data` was read (ms since epoch), 0 if never. */
  dataUpdatedAt: number
  fetching: boolean
}

export type ReadOptions<T> = {
  /** Attempts after a failure before the read counts as failed (1 s apart). Default 0. */
  retry?: number
  /** After each outcome: ms until the key is read again, or false. Default false. */
  refetchInterval?: (state: ReadState<T>) => number | false
  /** How long an entry outlives its last reader (ms). Default 60 s. */
  gcTime?: number
}

type Entry<T> = {
  key: string
  state: ReadState<T>
  read: () => Promise<T>
  options: ReadOptions<T>
  listeners: Set<() => void>
  inFlight: boolean
  timer: ReturnType<typeof setTimeout> | undefined
  gcTimer: ReturnType<typeof setTimeout> | undefined
}

const RETRY_DELAY_MS = 1_000
const DEFAULT_GC_MS = 60_000

const entries = new Map<string, Entry<unknown>>()

const pending: ReadState<never> = {
  data: undefined,
  error: undefined,
  status: 'pending',
  dataUpdatedAt: 0,
  fetching: false,
}

function succeeded<T>(data: T, at = Date.now()): ReadState<T> {
  return { data, error: undefined, status: 'success', dataUpdatedAt: at, fetching: false }
}

function entryFor<T>(key: string, read: () => Promise<T>, options: ReadOptions<T>, initial?: T): Entry<T> {
  let entry = entries.get(key) as Entry<T> | undefined
  if (!entry) {
    entry = {
      key,
      state: initial === undefined ? pending : succeeded(initial),
      read,
      options,
      listeners: new Set(),
      inFlight: false,
      timer: undefined,
      gcTimer: undefined,
    }
    entries.set(key, entry as Entry<unknown>)
    // Created by a render that may never subscribe: dropped unless a reader comes.
    startGc(entry)
  }
  return entry
}

function startGc<T>(entry: Entry<T>): void {
  clearTimeout(entry.gcTimer)
  entry.gcTimer = setTimeout(() => {
    if (entry.listeners.size === 0 && entries.get(entry.key) === entry) {
      clearTimeout(entry.timer)
      entries.delete(entry.key)
    }
  }, entry.options.gcTime ?? DEFAULT_GC_MS)
}

function setState<T>(entry: Entry<T>, state: ReadState<T>): void {
  entry.state = state
  for (const listener of entry.listeners) listener()
}

function schedule<T>(entry: Entry<T>): void {
  clearTimeout(entry.timer)
  entry.timer = undefined
  if (entry.listeners.size === 0) return
  const ms = entry.options.refetchInterval?.(entry.state) ?? false
  if (ms === false) return
  entry.timer = setTimeout(() => {
    // A hidden tab does not poll; it reads again at the first tick after it is shown.
    if (typeof document !== 'undefined' && document.hidden) schedule(entry)
    else void run(entry)
  }, ms)
}

async function run<T>(entry: Entry<T>): Promise<void> {
  if (entry.inFlight) return
  entry.inFlight = true
  clearTimeout(entry.timer)
  setState(entry, { ...entry.state, fetching: true })
  const attempts = 1 + (entry.options.retry ?? 0)
  let error: unknown
  for (let attempt = 0; attempt < attempts; attempt++) {
    if (attempt > 0) await new Promise((r) => setTimeout(r, RETRY_DELAY_MS))
    try {
      const data = await entry.read()
      entry.inFlight = false
      setState(entry, succeeded(data))
      schedule(entry)
      return
    } catch (e) {
      error = e
    }
  }
  entry.inFlight = false
  setState(entry, { ...entry.state, error, status: 'error', fetching: false })
  schedule(entry)
}

function subscribe<T>(entry: Entry<T>, listener: () => void): () => void {
  clearTimeout(entry.gcTimer)
  entry.listeners.add(listener)
  if (entry.state.status !== 'success' && !entry.inFlight) void run(entry)
  else if (entry.timer === undefined && !entry.inFlight) schedule(entry)
  return () => {
    entry.listeners.delete(listener)
    if (entry.listeners.size > 0) return
    clearTimeout(entry.timer)
    entry.timer = undefined
    startGc(entry)
  }
}

/** Reads `key` again now (after a transaction, say), if anyone holds it. */
export function refreshRead(key: string): void {
  const entry = entries.get(key)
  if (entry) void run(entry)
}

/** Forgets every entry (tests). */
export function clearReads(): void {
  for (const entry of entries.values()) {
    clearTimeout(entry.timer)
    clearTimeout(entry.gcTimer)
  }
  entries.clear()
}

export type ReadHandle<T> = {
  getState: () => ReadState<T>
  subscribe: (listener: () => void) => () => void
  /** The newest reader's read function and options win (they close over its render's values). */
  update: (read: () => Promise<T>, options: ReadOptions<T>) => void
}

/** The store's side of `useRead` (lib/live/use-read.ts): one key's state and its subscription. */
export function readHandle<T>(
  key: string,
  read: () => Promise<T>,
  options: ReadOptions<T>,
  initial: T | undefined,
): ReadHandle<T> {
  const entry = entryFor(key, read, options, initial)
  return {
    getState: () => entry.state,
    subscribe: (listener) => subscribe(entry, listener),
    update: (nextRead, nextOptions) => {
      entry.read = nextRead
      entry.options = nextOptions
    },
  }
}

export function initialState<T>(initial: T | undefined): ReadState<T> {
  return initial === undefined ? pending : succeeded(initial, 0)
}
