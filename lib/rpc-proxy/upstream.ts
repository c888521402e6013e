/**
 * Server side: one JSON-RPC request to the node behind `RPC_URL`. A node that does not answer, answers
 * with an HTTP error or with something that is not JSON-RPC becomes an `UpstreamError`, whose message
 * is fit for a visitor ("The chain node did not answer.") and whose `detail` is for the server log
 * only (redact it first: it may contain the URL).
 */
import type { JsonRpcErrorObject, RpcOutcome } from './json-rpc'

export class UpstreamError extends Error {
  override name = 'UpstreamError'
  /** What went wrong, for the operator's log. May contain the RPC URL: redact before logging. */
  readonly detail: string
  constructor(detail: string) {
    super('The chain node did not answer.')
    this.detail = detail
  }
}

export type UpstreamRequest = { method: string; params: unknown[] }

/** Sends one request to the node; resolves with its result or its JSON-RPC error, or throws `UpstreamError`. */
export type Upstream = (request: UpstreamRequest) => Promise<RpcOutcome>

function isErrorObject(value: unknown): value is JsonRpcErrorObject {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as JsonRpcErrorObject).code === 'number' &&
    typeof (value as JsonRpcErrorObject).message === 'string'
  )
}

export function createHttpUpstream(
  url: string,
  { timeoutMs = 10_000, fetchFn = fetch }: { timeoutMs?: number; fetchFn?: typeof fetch } = {},
): Upstream {
  let nextId = 1
  return async ({ method, params }) => {
    const id = nextId++
    let response: Response
    try {
      response = await fetchFn(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ jsonrpc: '2.0', id, method, params }),
        signal: AbortSignal.timeout(timeoutMs),
      })
    } catch (error) {
      const cause = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
      throw new UpstreamError(`${method}: no answer from ${url} (${cause})`)
    }
    const text = await response.text().catch(() => '')
    if (!response.ok) {
      throw new UpstreamError(`${method}: ${url} answered HTTP ${response.status} ${text.slice(0, 200)}`)
    }
    let body: unknown
    try {
      body = JSON.parse(text)
    } catch {
      throw new UpstreamError(`${method}: ${url} answered something that is not JSON: ${text.slice(0, 200)}`)
    }
    if (typeof body === 'object' && body !== null) {
      const answer = body as { result?: unknown; error?: unknown }
      if (isErrorObject(answer.error)) {
        const { code, message, data } = answer.error
        return { error: data === undefined ? { code, message } : { code, message, data } }
      }
      if ('result' in answer) return { result: answer.result }
    }
    throw new UpstreamError(`${method}: ${url} answered without a result or an error: ${text.slice(0, 200)}`)
  }
}
