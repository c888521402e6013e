'use client'

import { useMemo, useRef, useSyncExternalStore } from 'react'
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

const noSubscription = () => () => {}

/**
 * A live read (lib/live/read-store.ts): `key` null is disabled. `initial` is the key's data before any
 * read (the server's, rendered first). When the key changes, the previous key's data stays shown until
 * the new one arrives, as a placeholder.
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
  const state: ReadState<T> = useSyncExternalStore(
    handle?.subscribe ?? noSubscription,
    handle?.getState ?? (() => serverState),
    () => serverState,
  )
  const last = useRef<{ data: T; at: number } | undefined>(undefined)
  if (state.status === 'success' && state.data !== undefined && last.current?.data !== state.data)
    last.current = { data: state.data, at: state.dataUpdatedAt }
  const placeholder = state.data === undefined && last.current !== undefined
  return {
    data: state.data ?? last.current?.data,
    error: state.error,
    isError: state.status === 'error',
    isSuccess: state.status === 'success',
    isFetching: state.fetching,
    isPlaceholderData: placeholder,
    dataUpdatedAt: placeholder ? (last.current?.at ?? 0) : state.dataUpdatedAt,
  }
}
