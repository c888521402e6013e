import { requestOf } from '@/lib/history/requests'
import { readHistory } from '@/lib/history/server'
import { wireResponse } from '@/lib/wire'

/**
 * GET /api/history/<view>?…: the browser's history reads (live updates on new blocks), answered from the
 * indexer through the server, so the page's connect-src stays 'self' and INDEXER_URL stays private.
 * Only the views of lib/history/views.ts, with their parameters checked (lib/history/requests.ts); the answer is the view, parsed
 * (wire JSON, lib/wire.ts), and the block the indexer had reached, or why it could not be read (200
 * either way: the page says so).
 */
export async function GET(request: Request, { params }: { params: Promise<{ view: string }> }) {
  const { view: name } = await params
  const viewRequest = requestOf(name)
  if (!viewRequest) return wireResponse({ error: 'unknown history view' }, 404)
  const parameters = viewRequest.fromSearch(new URL(request.url).searchParams)
  if (parameters === null) return wireResponse({ error: 'invalid parameters' }, 400)
  return wireResponse(await readHistory(viewRequest.view, parameters))
}
