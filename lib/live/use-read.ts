'use client'

import { startTransition, useEffect, useMemo, useRef, useState } from 'react'
import { initialState, type ReadOptions, type ReadState, readHandle } from './read-store'

export type ReadResult<T> = {
  /** This key's data, or the previous key's while this one loads (`isPlaceholderData`). */
  data: T | undefined
  error: unknown
  isError: boolean
  isSuccess: boolean
  isFetching: boolean
  isPlaceholderData: boolean
  /** When the data shown was read (ms since epoch), 0 for the server's. */
  dataUpdatedAt: number
}

/**
 * A live read (lib/live/read-store.ts): `key` null is disabled. `initial` is the key's data before any
 * read (the server's, rendered first). When the key changes, the previous key's data stays shown until
 * the new one arrives, as a placeholder.
 *
 * The store's changes reach the page as transitions: a new block re-renders the pages in slices React
 * can interrupt, never as one long task on a phone's main thread (Lighthouse's Total Blocking Time),
 * and hydration renders exactly what the server did (the effect catches up afterwards).
 */
export function useRead<T>(
  key: string | null,
  read: () => Promise<T>,
  options: ReadOptions<T> = {},
  initial?: T,
): ReadResult<T> {
  const browser = typeof window !== 'undefined'
  // biome-ignore lint/correctness/useExhaustiveDependencies: one handle per key; read and options are updated below.
  const handle = useMemo(
    () => (key !== null && browser ? readHandle(key, read, options, initial) : null),
    [key],
  )
  handle?.update(read, options)
  // biome-ignore lint/correctness/useExhaustiveDependencies: the server's state of this key.
  const serverState = useMemo(() => initialState(initial), [key])
  const [snapshot, setSnapshot] = useState(() => ({ handle, state: serverState }))
  useEffect(() => {
    if (!handle) return
    // Nothing to render when the outcome shown is the store's (right after hydration, the server's
    // data is the key's initial data): no second render of every live component after the first.
    const update = () =>
      startTransition(() =>
        setSnapshot((shown) => {
          const state = handle.getState()
          return shown.handle === handle && sameOutcome(shown.state, state) ? shown : { handle, state }
        }),
      )
    const unsubscribe = handle.subscribe(update)
    update()
    return unsubscribe
  }, [handle])
  // A new key renders its own state at once (the placeholder logic below needs it), later changes arrive
  // through the effect.
  const state: ReadState<T> =
    snapshot.handle === handle ? snapshot.state : handle ? handle.getState() : serverState
  const last = useRef<{ data: T; at: number } | undefined>(undefined)
  if (state.status === 'success' && state.data !== undefined && last.current?.data !== state.data)
    last.current = { data: state.data, at: state.dataUpdatedAt }
  return toReadResult(state, handle !== null, last.current)
}

/**
 * What a reader sees of a key's state. A key never read that is about to be (enabled: its first
 * subscription reads it) already counts as fetching, so nothing reports a settled outcome — "stale",
 * "behind" — for the moment between a new block and its read.
 */
export function toReadResult<T>(
  state: ReadState<T>,
  enabled: boolean,
  previous: { data: T; at: number } | undefined,
): ReadResult<T> {
  const placeholder = state.data === undefined && previous !== undefined
  return {
    data: state.data ?? previous?.data,
    error: state.error,
    isError: state.status === 'error',
    isSuccess: state.status === 'success',
    isFetching: state.fetching || (enabled && state.status === 'pending'),
    isPlaceholderData: placeholder,
    dataUpdatedAt: placeholder ? (previous?.at ?? 0) : state.dataUpdatedAt,
  }
}

/** The same data, status, error and fetching flag: what a reader sees (the read time aside). */
export function sameOutcome<T>(a: ReadState<T>, b: ReadState<T>): boolean {
  return a.data === b.data && a.status === b.status && a.error === b.error && a.fetching === b.fetching
}
