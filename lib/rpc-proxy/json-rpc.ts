/**
 * JSON-RPC 2.0 shapes of the app's RPC route (app/api/rpc/route.ts) and the error objects it answers
 * with. Every refusal is a JSON-RPC error with a sentence that says what was refused and why.
 */

export type JsonRpcId = string | number | null

export type JsonRpcRequest = { jsonrpc: '2.0'; id: JsonRpcId; method: string; params: unknown[] }

export type JsonRpcErrorObject = { code: number; message: string; data?: unknown }

/** What one request came to: the node's result, or an error (the node's own, or ours). */
export type RpcOutcome = { result: unknown } | { error: JsonRpcErrorObject }

export type JsonRpcResponse = { jsonrpc: '2.0'; id: JsonRpcId } & RpcOutcome

/** Error codes of EIP-1474 / JSON-RPC 2.0 the route uses (viem maps each to its own error class). */
export const rpcErrorCodes = {
  parseError: -32700,
  invalidRequest: -32600,
  methodNotFound: -32601,
  invalidParams: -32602,
  internal: -32603,
  /** EIP-1474 "limit exceeded": the route is busy or a bound was hit. */
  limitExceeded: -32005,
} as const

export function rpcError(code: number, message: string): { error: JsonRpcErrorObject } {
  return { error: { code, message } }
}

export function isJsonRpcId(value: unknown): value is JsonRpcId {
  return (
    value === null ||
    (typeof value === 'string' && value.length <= 128) ||
    (typeof value === 'number' && Number.isSafeInteger(value))
  )
}

/**
 * One item of a request body, checked for shape only (the policy checks the method and params).
 * Returns the request, or the error to answer with (and the id, when one could be read).
 */
export function parseRequestItem(
  value: unknown,
): { request: JsonRpcRequest } | { id: JsonRpcId; error: JsonRpcErrorObject } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { id: null, ...rpcError(rpcErrorCodes.invalidRequest, 'Each request must be a JSON-RPC object.') }
  }
  const item = value as Record<string, unknown>
  const id = isJsonRpcId(item.id) ? item.id : null
  if (item.jsonrpc !== '2.0') {
    return {
      id,
      ...rpcError(rpcErrorCodes.invalidRequest, 'Only JSON-RPC 2.0 requests are served ("jsonrpc": "2.0").'),
    }
  }
  if (!('id' in item) || !isJsonRpcId(item.id)) {
    return {
      id: null,
      ...rpcError(rpcErrorCodes.invalidRequest, 'Each request needs an id (a number or a short string).'),
    }
  }
  if (typeof item.method !== 'string' || item.method.length === 0 || item.method.length > 64) {
    return { id, ...rpcError(rpcErrorCodes.invalidRequest, 'The request has no method name.') }
  }
  const params = item.params === undefined ? [] : item.params
  if (!Array.isArray(params)) {
    return { id, ...rpcError(rpcErrorCodes.invalidParams, `${item.method}: params must be an array.`) }
  }
  return { request: { jsonrpc: '2.0', id: item.id, method: item.method, params } }
}

export function respond(id: JsonRpcId, outcome: RpcOutcome): JsonRpcResponse {
  return 'error' in outcome
    ? { jsonrpc: '2.0', id, error: outcome.error }
    : { jsonrpc: '2.0', id, result: outcome.result }
}
