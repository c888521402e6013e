/**
 * The RPC route's handler (app/api/rpc/route.ts): what the browser's read client talks to instead of
 * `RPC_URL`, so the visitor never learns that URL (a provider URL usually carries an API key).
 *
 * A request must be a JSON-RPC 2.0 POST with `content-type: application/json` (a cross-site page can
 * then not send one without a CORS preflight, which this route never grants), at most
 * `maxBodyBytes` long, a single request or a batch of at most `maxBatch`. Each request is checked by
 * the policy (policy.ts), then answered through the coalescer (coalescer.ts) within a bounded number of
 * upstream requests in flight. Errors are JSON-RPC errors in words; the node's own errors (a revert and
 * its data) pass through with anything that looks like the RPC URL removed.
 */
import { createBoundedQueue, QueueFullError } from '@/lib/security/bounded-queue'
import { BodyTooLargeError, readBodyText } from '@/lib/security/read-body'
import { isJsonRequest } from '@/lib/security/request-origin'
import { createCoalescer } from './coalescer'
import {
  type JsonRpcErrorObject,
  type JsonRpcResponse,
  parseRequestItem,
  type RpcOutcome,
  respond,
  rpcError,
  rpcErrorCodes,
} from './json-rpc'
import { type RpcProxyLimits, rpcProxyLimits } from './limits'
import { createPolicyChecker, type RpcPolicy } from './policy'
import { type Upstream, UpstreamError } from './upstream'

export type RpcProxyParameters = {
  upstream: Upstream
  /** Which contracts reads may target, and whether raw transactions pass (the log range is in `limits`). */
  policy: Omit<RpcPolicy, 'maxLogRange'>
  /** Removes secrets from text sent to the browser or logged (the node's error messages). */
  redact?: ((text: string) => string) | undefined
  /** Where the operator reads why the node failed (default console.error), at most once per 10 s. */
  log?: ((message: string) => void) | undefined
  limits?: Partial<RpcProxyLimits> | undefined
  now?: (() => number) | undefined
}

export type RpcProxy = {
  handle(request: Request): Promise<Response>
  /**
   * One JSON-RPC request from the server itself (app/api/pool, app/api/staker): the same policy,
   * coalescing and bounded queue as a browser's, without an HTTP round trip. Never throws: `failure`
   * says when the node did not answer or the queue was full.
   */
  forward(method: string, params: unknown[]): Promise<ProxyAnswer>
}

export type ProxyAnswer = { response: JsonRpcResponse; failure?: 'unavailable' | 'busy' }

const LOG_EVERY_MS = 10_000

function json(status: number, body: JsonRpcResponse | JsonRpcResponse[]): Response {
  return Response.json(body, { status, headers: { 'cache-control': 'no-store' } })
}

/** An error answer for the whole body (no request could be read): id null. */
function refuse(status: number, code: number, message: string): Response {
  return json(status, respond(null, rpcError(code, message)))
}

export const unavailableMessage = 'The chain node did not answer. Try again in a moment.'
export const busyMessage =
  'The app is busy forwarding other requests to the chain node. Try again in a moment.'

export function createRpcProxy({
  upstream,
  policy,
  redact = (t) => t,
  log,
  limits,
  now = Date.now,
}: RpcProxyParameters): RpcProxy {
  const bounds = { ...rpcProxyLimits, ...limits }
  const check = createPolicyChecker({ ...policy, maxLogRange: bounds.maxLogRange })
  const queue = createBoundedQueue({
    concurrency: bounds.upstreamConcurrency,
    maxWaiting: bounds.upstreamMaxWaiting,
  })
  // Every upstream request, the head probe included, takes a turn in the bounded queue.
  const queued: Upstream = (request) => queue.run(() => upstream(request))
  const coalescer = createCoalescer({
    upstream: queued,
    headTtlMs: bounds.headTtlMs,
    maxEntries: bounds.maxCacheEntries,
    now,
  })
  let lastLogAt = Number.NEGATIVE_INFINITY
  const report = (error: UpstreamError) => {
    const at = now()
    if (at - lastLogAt < LOG_EVERY_MS) return
    lastLogAt = at
    ;(log ?? console.error)(`[api/rpc] ${redact(error.detail)}`)
  }

  /** The node's own error, with anything secret taken out of its message. */
  function cleanError(error: JsonRpcErrorObject): JsonRpcErrorObject {
    const message = redact(error.message)
    if (error.data === undefined) return { code: error.code, message }
    const data = typeof error.data === 'string' ? redact(error.data) : error.data
    return { code: error.code, message, data }
  }

  async function answer(item: unknown): Promise<ProxyAnswer> {
    const parsed = parseRequestItem(item)
    if (!('request' in parsed)) return { response: respond(parsed.id, { error: parsed.error }) }
    const { request } = parsed
    try {
      const head = await coalescer.head()
      if (request.method === 'eth_blockNumber' && request.params.length === 0) {
        return { response: respond(request.id, { result: `0x${head.number.toString(16)}` }) }
      }
      const verdict = check(request, head.number)
      if (!verdict.ok) return { response: respond(request.id, { error: verdict.error }) }
      const outcome: RpcOutcome = await coalescer.forward(
        { method: request.method, params: request.params },
        { sharing: verdict.sharing, head },
      )
      return {
        response: respond(request.id, 'error' in outcome ? { error: cleanError(outcome.error) } : outcome),
      }
    } catch (error) {
      if (error instanceof QueueFullError) {
        return {
          response: respond(request.id, rpcError(rpcErrorCodes.limitExceeded, busyMessage)),
          failure: 'busy',
        }
      }
      const upstreamError = error instanceof UpstreamError ? error : new UpstreamError(String(error))
      report(upstreamError)
      return {
        response: respond(request.id, rpcError(rpcErrorCodes.internal, unavailableMessage)),
        failure: 'unavailable',
      }
    }
  }

  return {
    forward(method, params) {
      return answer({ jsonrpc: '2.0', id: 1, method, params })
    },
    async handle(request) {
      if (request.method !== 'POST') {
        return refuse(405, rpcErrorCodes.invalidRequest, 'Send JSON-RPC requests with POST.')
      }
      if (!isJsonRequest(request)) {
        return refuse(415, rpcErrorCodes.invalidRequest, 'Send JSON-RPC requests as application/json.')
      }
      let text: string
      try {
        text = await readBodyText(request, bounds.maxBodyBytes)
      } catch (error) {
        if (error instanceof BodyTooLargeError) {
          return refuse(
            413,
            rpcErrorCodes.limitExceeded,
            `The request is larger than ${bounds.maxBodyBytes.toLocaleString('en-US')} bytes.`,
          )
        }
        return refuse(400, rpcErrorCodes.invalidRequest, 'The request body could not be read.')
      }
      let body: unknown
      try {
        body = JSON.parse(text)
      } catch {
        return refuse(400, rpcErrorCodes.parseError, 'The request body is not JSON.')
      }
      if (Array.isArray(body)) {
        if (body.length === 0) return refuse(400, rpcErrorCodes.invalidRequest, 'The batch is empty.')
        if (body.length > bounds.maxBatch) {
          return refuse(
            413,
            rpcErrorCodes.limitExceeded,
            `At most ${bounds.maxBatch} requests per batch; this one has ${body.length}.`,
          )
        }
        const answers = await Promise.all(body.map(answer))
        return json(
          200,
          answers.map((a) => a.response),
        )
      }
      const single = await answer(body)
      // HTTP status too, so clients (viem) treat an unavailable node as a transport failure and retry.
      const status = single.failure === 'unavailable' ? 502 : single.failure === 'busy' ? 503 : 200
      return json(status, single.response)
    },
  }
}
