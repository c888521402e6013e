import { describe, expect, it } from 'vitest'
import type { ReadState } from './read-store'
import { initialState } from './read-store'
import { sameOutcome, toReadResult } from './use-read'

const pending: ReadState<number> = {
  data: undefined,
  error: undefined,
  status: 'pending',
  dataUpdatedAt: 0,
  fetching: false,
}

describe('what a reader sees', () => {
  it('a new key (a new block) counts as fetching before its read starts, showing the last data', () => {
    const seen = toReadResult(pending, true, { data: 7, at: 1_000 })
    expect(seen).toMatchObject({ data: 7, isFetching: true, isPlaceholderData: true, dataUpdatedAt: 1_000 })
    expect(seen.isError).toBe(false)
  })

  it('a disabled key is not fetching; a failed read waiting for its retry is not either', () => {
    expect(toReadResult(pending, false, undefined).isFetching).toBe(false)
    const failed: ReadState<number> = { ...pending, status: 'error', error: new Error('down'), data: 3 }
    expect(toReadResult(failed, true, { data: 3, at: 5 })).toMatchObject({
      isFetching: false,
      isError: true,
      data: 3,
      isPlaceholderData: false,
    })
  })
})

describe('when a store change renders', () => {
  it("not for the server's own data arriving from the store (hydration is not followed by a second render)", () => {
    const server = { provers: 40 }
    const stored: ReadState<typeof server> = { ...initialState(server), dataUpdatedAt: 1_234 }
    expect(sameOutcome(initialState(server), stored)).toBe(true)
  })

  it('for new data, a read starting, a failure', () => {
    const shown = initialState({ provers: 40 })
    expect(sameOutcome(shown, { ...shown, data: { provers: 40 } })).toBe(false)
    expect(sameOutcome(shown, { ...shown, fetching: true })).toBe(false)
    expect(sameOutcome(shown, { ...shown, status: 'error', error: new Error('down') })).toBe(false)
  })
})
