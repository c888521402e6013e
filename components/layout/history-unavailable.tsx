'use client'

import { Notice } from '@/components/ui/notice'
import { useConnection } from '@/lib/chain/hooks'
import { formatInteger } from '@/lib/format/decimal'
import type { HistoryResult } from '@/lib/history/types'

/**
 * In place of a history panel that has no data at all (the indexer was down from the start): why, and
 * how many blocks behind the chain the history was when the indexer last answered. The live pool on the
 * rest of the page is unaffected; the panel fills in by itself once the indexer answers.
 */
export function HistoryUnavailable({ result, what }: { result: HistoryResult<unknown>; what: string }) {
  const { blockNumber } = useConnection()
  const last = result.indexedBlock
  const behind = last !== null && blockNumber !== undefined && blockNumber > last ? blockNumber - last : null
  return (
    <Notice tone="warning" title={`${what} could not be read`}>
      <p>
        {result.status === 'unavailable' ? result.message : 'The indexer has no history yet.'} The live pool
        above is read from the chain and is current.
        {behind !== null ? (
          <span data-testid="history-blocks-behind">{` The history is ${formatInteger(behind)} blocks behind the chain.`}</span>
        ) : null}
      </p>
    </Notice>
  )
}
