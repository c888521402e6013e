import { toJson } from '@/lib/history/parse'
import { readRawHistory } from '@/lib/history/server'
import { type HistoryViewName, historyViews } from '@/lib/history/views'

/**
 * GET /api/history/<view>?…: the browser's history reads (live updates on new blocks), answered from the
 * indexer through the server, so the page's connect-src stays 'self' and INDEXER_URL stays private.
 * Only the views of lib/history/views.ts, with their parameters checked; the answer is the indexer's
 * view and the block it had indexed, or why it could not be read (200 either way: the page says so).
 */
export async function GET(request: Request, { params }: { params: Promise<{ view: string }> }) {
  const { view: name } = await params
  const view = Object.hasOwn(historyViews, name) ? historyViews[name as HistoryViewName] : undefined
  if (!view) return json({ error: 'unknown history view' }, 404)
  const parameters = view.fromSearch(new URL(request.url).searchParams)
  if (parameters === null) return json({ error: 'invalid parameters' }, 400)
  return json(await readRawHistory(view as never, parameters as never), 200)
}

function json(body: unknown, status: number): Response {
  return new Response(toJson(body), {
    status,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  })
}
