/**
 * What the app's RPC route forwards to the node: an allowlist of read methods, each with its
 * parameters checked, `eth_call` / `eth_estimateGas` / `eth_getLogs` only against the deployment's own
 * contracts (by address, so new contract functions need no change here), `eth_getLogs` over a bounded
 * block range, and `eth_sendRawTransaction` only on the local chain (the built-in dev account signs in
 * the page and sends through the app). Everything else is refused with a JSON-RPC error in words.
 */
import type { Sharing } from './coalescer'
import { type JsonRpcErrorObject, type JsonRpcRequest, rpcErrorCodes } from './json-rpc'

export type RpcPolicy = {
  /** Contracts reads may target (the deployment's token, core, lens and verifier). */
  contracts: readonly string[]
  /** Local chain only: forward `eth_sendRawTransaction` (the dev account's transactions). */
  allowRawTransactions: boolean
  /** Largest `eth_getLogs` range, in blocks (inclusive). */
  maxLogRange: bigint
}

export type PolicyVerdict =
  /**
   * Forward it. `sharing`: whether the answer may be shared with identical requests — `none`
   * (personal, or pending state), `head` (while the head is the same), `{ pinnedTo }` (about blocks
   * up to that one, at or below the head: while the chain only grows past it).
   */
  { ok: true; sharing: Sharing } | { ok: false; error: JsonRpcErrorObject }

type Context = { policy: RpcPolicy; contracts: ReadonlySet<string>; head: bigint }

/**
 * Checks one parameter list; returns how the answer may be `sharing`d (none when it is personal or changes
 * between blocks), or a refusal: a sentence (invalid parameters) or a `Refusal` with its own code.
 */
type Refusal = { code: number; message: string }
type Rule = (params: unknown[], context: Context, method: string) => string | Refusal | { sharing: Sharing }

/** A bound was hit (EIP-1474 "limit exceeded"). */
const tooMuch = (message: string): Refusal => ({ code: rpcErrorCodes.limitExceeded, message })
/** Not served at all (JSON-RPC "method not found"; viem: MethodNotFoundRpcError). */
const notServed = (message: string): Refusal => ({ code: rpcErrorCodes.methodNotFound, message })

const HEX_QUANTITY = /^0x[0-9a-fA-F]{1,64}$/
const HEX_DATA = /^0x(?:[0-9a-fA-F]{2})*$/
const ADDRESS = /^0x[0-9a-fA-F]{40}$/
const HASH = /^0x[0-9a-fA-F]{64}$/
const BLOCK_TAGS = new Set(['latest', 'earliest', 'pending', 'safe', 'finalized'])

const MAX_FEE_HISTORY_BLOCKS = 1_024n
const MAX_PERCENTILES = 100
const MAX_LOG_ADDRESSES = 4
const MAX_TOPIC_ALTERNATIVES = 8

const isQuantity = (v: unknown): v is string => typeof v === 'string' && HEX_QUANTITY.test(v)
const isData = (v: unknown): v is string => typeof v === 'string' && HEX_DATA.test(v)
const isAddress = (v: unknown): v is string => typeof v === 'string' && ADDRESS.test(v)
const isHash = (v: unknown): v is string => typeof v === 'string' && HASH.test(v)
const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

function isBlockParameter(value: unknown): boolean {
  if (typeof value === 'string') return BLOCK_TAGS.has(value) || HEX_QUANTITY.test(value)
  // EIP-1898: { blockHash } or { blockNumber }
  if (!isRecord(value)) return false
  if ('blockHash' in value) return isHash(value.blockHash)
  if ('blockNumber' in value) return isQuantity(value.blockNumber)
  return false
}

/**
 * How a read at `block` may be shared: at `pending` never (it changes with every transaction), at a
 * tag (or none: latest) while the head is the same, at an explicit block at or below the head (or a
 * block hash) while the chain only grows.
 */
function blockSharing(block: unknown, head: bigint): Sharing {
  if (block === 'pending') return 'none'
  // A block hash names one block whatever the chain does around it.
  if (isRecord(block) && 'blockHash' in block) return { pinnedTo: 0n }
  const number = isRecord(block) ? block.blockNumber : block
  if (isQuantity(number)) return BigInt(number) <= head ? { pinnedTo: BigInt(number) } : 'head'
  return 'head'
}

/** The least shareable of several (pinned to the highest block they name). */
function least(...all: Sharing[]): Sharing {
  if (all.includes('none')) return 'none'
  if (all.includes('head')) return 'head'
  let upTo = 0n
  for (const s of all) if (typeof s === 'object' && s.pinnedTo > upTo) upTo = s.pinnedTo
  return { pinnedTo: upTo }
}

function arity(params: unknown[], min: number, max: number, method: string): string | null {
  if (params.length < min || params.length > max) {
    return min === max
      ? `${method} takes ${min} parameter${min === 1 ? '' : 's'}, got ${params.length}.`
      : `${method} takes ${min} to ${max} parameters, got ${params.length}.`
  }
  return null
}

function optionalBlock(params: unknown[], index: number, method: string): string | null {
  const block = params[index]
  if (block === undefined || isBlockParameter(block)) return null
  return `${method}: parameter ${index + 1} must be a block number, a block hash or one of latest, earliest, pending, safe, finalized.`
}

const CALL_QUANTITIES = [
  'gas',
  'gasPrice',
  'maxFeePerGas',
  'maxPriorityFeePerGas',
  'value',
  'nonce',
  'type',
  'chainId',
]
const CALL_KEYS = new Set([...CALL_QUANTITIES, 'from', 'to', 'data', 'input', 'accessList'])

/** An `eth_call` / `eth_estimateGas` transaction object aimed at one of the deployment's contracts. */
function checkCall(params: unknown[], { contracts, head }: Context, method: string): ReturnType<Rule> {
  if (params.length > 2)
    return tooMuch(`${method}: state overrides and other extra parameters are not forwarded.`)
  const wrong = arity(params, 1, 2, method)
  if (wrong) return wrong
  const call = params[0]
  if (!isRecord(call)) return `${method}: parameter 1 must be a transaction object.`
  for (const key of Object.keys(call)) {
    if (!CALL_KEYS.has(key)) return tooMuch(`${method}: the field "${key.slice(0, 32)}" is not forwarded.`)
  }
  if (!isAddress(call.to)) return `${method}: "to" must be an address.`
  if (!contracts.has(call.to.toLowerCase())) {
    return notServed(
      `${method}: only the pool's own contracts can be called through this app (${call.to} is not one of them).`,
    )
  }
  if (call.from !== undefined && !isAddress(call.from)) return `${method}: "from" must be an address.`
  for (const key of ['data', 'input'] as const) {
    if (call[key] !== undefined && !isData(call[key])) return `${method}: "${key}" must be hex data.`
  }
  for (const key of CALL_QUANTITIES) {
    if (call[key] !== undefined && !isQuantity(call[key])) return `${method}: "${key}" must be a hex number.`
  }
  if (call.accessList !== undefined && !Array.isArray(call.accessList)) {
    return `${method}: "accessList" must be a list.`
  }
  const blockError = optionalBlock(params, 1, method)
  if (blockError) return blockError
  // A call from an account is a simulation of that account's next transaction: personal, and it must
  // see the newest state, so it is never answered from the shared cache.
  return { sharing: call.from === undefined ? blockSharing(params[1], head) : 'none' }
}

function resolveBlock(value: unknown, head: bigint): bigint | null {
  if (
    value === undefined ||
    value === 'latest' ||
    value === 'pending' ||
    value === 'safe' ||
    value === 'finalized'
  ) {
    return head
  }
  if (value === 'earliest') return 0n
  if (isQuantity(value)) return BigInt(value)
  return null
}

function checkLogs(
  params: unknown[],
  { contracts, head, policy }: Context,
  method: string,
): ReturnType<Rule> {
  const wrong = arity(params, 1, 1, method)
  if (wrong) return wrong
  const filter = params[0]
  if (!isRecord(filter)) return `${method}: parameter 1 must be a filter object.`
  for (const key of Object.keys(filter)) {
    if (!['address', 'fromBlock', 'toBlock', 'topics', 'blockHash'].includes(key)) {
      return tooMuch(`${method}: the filter field "${key.slice(0, 32)}" is not forwarded.`)
    }
  }
  const addresses = Array.isArray(filter.address) ? filter.address : [filter.address]
  if (filter.address === undefined || addresses.length === 0 || addresses.length > MAX_LOG_ADDRESSES) {
    return notServed(
      `${method}: name the contract whose logs you want ("address", at most ${MAX_LOG_ADDRESSES}); logs of every contract are not served.`,
    )
  }
  for (const address of addresses) {
    if (!isAddress(address)) return `${method}: "address" must be an address or a list of addresses.`
    if (!contracts.has(address.toLowerCase())) {
      return notServed(
        `${method}: only the pool's own contracts' logs are served (${address} is not one of them).`,
      )
    }
  }
  if (filter.topics !== undefined) {
    if (!Array.isArray(filter.topics) || filter.topics.length > 4) {
      return `${method}: "topics" must be a list of at most 4 entries.`
    }
    for (const topic of filter.topics) {
      const ok =
        topic === null ||
        isHash(topic) ||
        (Array.isArray(topic) && topic.length <= MAX_TOPIC_ALTERNATIVES && topic.every(isHash))
      if (!ok) return `${method}: each topic must be null, a 32-byte hash or a short list of them.`
    }
  }
  if (filter.blockHash !== undefined) {
    if (!isHash(filter.blockHash)) return `${method}: "blockHash" must be a 32-byte hash.`
    if (filter.fromBlock !== undefined || filter.toBlock !== undefined) {
      return `${method}: give either "blockHash" or a block range, not both.`
    }
    return { sharing: { pinnedTo: 0n } }
  }
  const from = resolveBlock(filter.fromBlock, head)
  const to = resolveBlock(filter.toBlock, head)
  if (from === null) return `${method}: "fromBlock" must be a block number or a block tag.`
  if (to === null) return `${method}: "toBlock" must be a block number or a block tag.`
  const span = to - from + 1n
  if (span > policy.maxLogRange) {
    return tooMuch(
      `${method}: at most ${policy.maxLogRange.toLocaleString('en-US')} blocks per request; this one asks for ${span.toLocaleString('en-US')} (blocks ${from.toLocaleString('en-US')} to ${to.toLocaleString('en-US')}). Split the range.`,
    )
  }
  // A range with a tag moves with the head; an explicit range below it is history.
  const tagged = (b: unknown) => (b === undefined ? 'latest' : b)
  return {
    sharing: least(blockSharing(tagged(filter.fromBlock), head), blockSharing(tagged(filter.toBlock), head)),
  }
}

const noParams: Rule = (params, _context, method) => arity(params, 0, 0, method) ?? { sharing: 'head' }

const addressAndBlock =
  (shared: boolean): Rule =>
  (params, { head }, method) => {
    const wrong = arity(params, 1, 2, method)
    if (wrong) return wrong
    if (!isAddress(params[0])) return `${method}: parameter 1 must be an address.`
    return optionalBlock(params, 1, method) ?? { sharing: shared ? blockSharing(params[1], head) : 'none' }
  }

const oneHash: Rule = (params, _context, method) => {
  const wrong = arity(params, 1, 1, method)
  if (wrong) return wrong
  // A transaction or receipt may still appear (or move in a reorg): shared while the head is the same.
  return isHash(params[0]) ? { sharing: 'head' } : `${method}: parameter 1 must be a 32-byte hash.`
}

const rules: Record<string, Rule> = {
  eth_chainId: noParams,
  net_version: noParams,
  eth_blockNumber: noParams,
  eth_gasPrice: noParams,
  eth_maxPriorityFeePerGas: noParams,
  eth_feeHistory: (params, { head }, method) => {
    const wrong = arity(params, 2, 3, method)
    if (wrong) return wrong
    const count =
      typeof params[0] === 'number'
        ? BigInt(Math.trunc(params[0]))
        : isQuantity(params[0])
          ? BigInt(params[0])
          : -1n
    if (count < 1n || count > MAX_FEE_HISTORY_BLOCKS) {
      return tooMuch(
        `${method}: the block count must be 1 to ${MAX_FEE_HISTORY_BLOCKS.toLocaleString('en-US')}.`,
      )
    }
    if (!isBlockParameter(params[1]) || isRecord(params[1]))
      return `${method}: parameter 2 must be a block number or tag.`
    const percentiles = params[2]
    if (
      percentiles !== undefined &&
      (!Array.isArray(percentiles) ||
        percentiles.length > MAX_PERCENTILES ||
        !percentiles.every((p) => typeof p === 'number' && p >= 0 && p <= 100))
    ) {
      return `${method}: the reward percentiles must be at most ${MAX_PERCENTILES} numbers from 0 to 100.`
    }
    return { sharing: blockSharing(params[1], head) }
  },
  eth_getBalance: addressAndBlock(true),
  // A nonce read must see every transaction sent since the last block: never shared.
  eth_getTransactionCount: addressAndBlock(false),
  eth_getBlockByNumber: (params, { head }, method) => {
    const wrong = arity(params, 1, 2, method)
    if (wrong) return wrong
    const block = params[0]
    if (!(typeof block === 'string' && (BLOCK_TAGS.has(block) || HEX_QUANTITY.test(block)))) {
      return `${method}: parameter 1 must be a block number or tag.`
    }
    if (params[1] !== undefined && typeof params[1] !== 'boolean')
      return `${method}: parameter 2 must be true or false.`
    return { sharing: blockSharing(block, head) }
  },
  eth_getBlockByHash: (params, _context, method) => {
    const wrong = arity(params, 1, 2, method)
    if (wrong) return wrong
    if (!isHash(params[0])) return `${method}: parameter 1 must be a 32-byte hash.`
    if (params[1] !== undefined && typeof params[1] !== 'boolean')
      return `${method}: parameter 2 must be true or false.`
    return { sharing: 'head' }
  },
  eth_getTransactionByHash: oneHash,
  eth_getTransactionReceipt: oneHash,
  eth_getTransactionBySenderAndNonce: (params, _context, method) => {
    const wrong = arity(params, 2, 2, method)
    if (wrong) return wrong
    if (!isAddress(params[0]) || !isQuantity(params[1])) {
      return `${method}: expects an address and a hex nonce.`
    }
    return { sharing: 'head' }
  },
  eth_call: checkCall,
  eth_estimateGas: (params, context, method) => {
    // Gas depends on the newest state and on the sender: never shared.
    const verdict = checkCall(params, context, method)
    return typeof verdict === 'string' || 'code' in verdict ? verdict : { sharing: 'none' }
  },
  eth_getLogs: checkLogs,
  eth_sendRawTransaction: (params, { policy }, method) => {
    if (!policy.allowRawTransactions) {
      return notServed(`${method} is not served by this app: transactions go through your wallet.`)
    }
    const wrong = arity(params, 1, 1, method)
    if (wrong) return wrong
    return isData(params[0])
      ? { sharing: 'none' }
      : `${method}: parameter 1 must be a signed transaction (hex).`
  },
}

/** The read methods the route serves (for the docs and the refusal message). */
export const servedMethods = Object.keys(rules).filter((m) => m !== 'eth_sendRawTransaction')

export function createPolicyChecker(policy: RpcPolicy) {
  const contracts = new Set(policy.contracts.map((a) => a.toLowerCase()))
  return (request: JsonRpcRequest, head: bigint): PolicyVerdict => {
    const rule = Object.hasOwn(rules, request.method) ? rules[request.method] : undefined
    if (!rule) {
      const name = request.method.slice(0, 64)
      const reason = /^(eth_send|eth_sign|personal_|wallet_)/.test(name)
        ? 'signing and sending go through your wallet'
        : 'only reads of the pool are served'
      return {
        ok: false,
        error: {
          code: rpcErrorCodes.methodNotFound,
          message: `${name} is not served by this app: ${reason}.`,
        },
      }
    }
    const verdict = rule(request.params, { policy, contracts, head }, request.method)
    if (typeof verdict === 'string') {
      return { ok: false, error: { code: rpcErrorCodes.invalidParams, message: verdict } }
    }
    if ('code' in verdict) return { ok: false, error: verdict }
    return { ok: true, sharing: verdict.sharing }
  }
}
