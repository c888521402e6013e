import { readHistory } from '@/lib/history/server'
import { type HistoryViewName, historyViews } from '@/lib/history/views'
import { wireResponse } from '@/lib/wire'

/**
 * GET /api/history/<view>?…: the browser's history reads (live updates on new blocks), answered from the
 * indexer through the server, so the page's connect-src stays 'self' and INDEXER_URL stays private.
 * Only the views of lib/history/views.ts, with their parameters checked; the answer is the view, parsed
 * (wire JSON, lib/wire.ts), and the block the indexer had reached, or why it could not be read (200
 * either way: the page says so).
 */
export async function GET(request: Request, { params }: { params: Promise<{ view: string }> }) {
  const { view: name } = await params
  const view = Object.hasOwn(historyViews, name) ? historyViews[name as HistoryViewName] : undefined
  if (!view) return wireResponse({ error: 'unknown history view' }, 404)
  const parameters = view.fromSearch(new URL(request.url).searchParams)
  if (parameters === null) return wireResponse({ error: 'invalid parameters' }, 400)
  return wireResponse(await readHistory(view as never, parameters as never))
}
