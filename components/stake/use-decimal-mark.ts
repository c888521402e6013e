'use client'

import { useSyncExternalStore } from 'react'
import { type DecimalMark, decimalMarkOf } from '@/lib/format/decimal-input'

const subscribe = () => () => {}

/**
 * The reader's decimal mark ("," in de, fr, …), from the browser's languages. The server and the
 * first render use "."; the parser reads either mark, so text typed or prefilled before it is known
 * still reads right (lib/format/decimal-input).
 */
export function useDecimalMark(): DecimalMark {
  return useSyncExternalStore(
    subscribe,
    () => decimalMarkOf(navigator.languages),
    () => '.',
  )
}
