/**
 * Server side: who may ask the faucet (app/api/faucet/route.ts), and the refusals, each in words.
 *
 * The faucet exists only on the local chain (31337) AND when the operator enables it
 * (FAUCET_ENABLED=1; `npm start` and the e2e harness do). It accepts only same-origin
 * `application/json` POSTs (another site cannot make a visitor's browser send one), limits how often
 * one address, one client and everyone together may ask, and runs mints one at a time with a short,
 * bounded queue: one request too many is refused at once, not queued without end.
 */
import { type Address, getAddress, isAddress } from 'viem'
import type { ServerChain } from '@/lib/chain/settings'
import { createBoundedQueue, QueueFullError } from '@/lib/security/bounded-queue'
import { createRateLimiter, type RateLimitVerdict } from '@/lib/security/rate-limit'
import { BodyTooLargeError, readBodyText } from '@/lib/security/read-body'
import { clientKey, isJsonRequest, isSameOrigin } from '@/lib/security/request-origin'
import { FAUCET_CHAIN_ID, FaucetError, type FundReturnType } from './faucet'

export type FaucetLimits = {
  /** Grants per address per window. */
  perAddress: number
  /** Grants per client (IP address) per window. */
  perClient: number
  /** Grants in total per window, whoever asks (the ceiling that holds even against forged addresses). */
  total: number
  windowMs: number
  /** Requests that may wait while one is minted. */
  maxWaiting: number
}

export const defaultFaucetLimits: FaucetLimits = {
  perAddress: 2,
  perClient: 10,
  total: 60,
  windowMs: 60_000,
  maxWaiting: 4,
}

function positiveInteger(value: string | undefined, fallback: number): number {
  const n = Number(value)
  return value !== undefined && value !== '' && Number.isSafeInteger(n) && n > 0 ? n : fallback
}

/** The limits, with FAUCET_PER_ADDRESS_PER_MINUTE and FAUCET_PER_CLIENT_PER_MINUTE when set. */
export function faucetLimitsFromEnv(env: Record<string, string | undefined> = process.env): FaucetLimits {
  const perAddress = positiveInteger(env.FAUCET_PER_ADDRESS_PER_MINUTE, defaultFaucetLimits.perAddress)
  const perClient = positiveInteger(env.FAUCET_PER_CLIENT_PER_MINUTE, defaultFaucetLimits.perClient)
  return {
    ...defaultFaucetLimits,
    perAddress,
    perClient,
    total: Math.max(defaultFaucetLimits.total, perClient),
  }
}

type ReadyChain = Extract<ServerChain, { status: 'ready' }>

export type FaucetHandlerParameters = {
  loadChain: () => Promise<ServerChain>
  fund: (chain: ReadyChain, to: Address) => Promise<FundReturnType>
  limits?: FaucetLimits | undefined
  /** Where unexpected failures go (the operator's log); give it text with secrets removed. */
  log?: ((message: string) => void) | undefined
  /** Removes secrets (the RPC URL) from text before it is logged. */
  redact?: ((text: string) => string) | undefined
  now?: (() => number) | undefined
}

const MAX_BODY_BYTES = 1_024

function json(status: number, body: Record<string, string>, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { 'cache-control': 'no-store', ...headers } })
}

function seconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000))
}

function tooMany(verdict: Extract<RateLimitVerdict, { ok: false }>, message: string): Response {
  const wait = seconds(verdict.retryAfterMs)
  return json(429, { error: `${message} Try again in ${wait} s.` }, { 'retry-after': String(wait) })
}

export function createFaucetHandler({
  loadChain,
  fund,
  limits = defaultFaucetLimits,
  log = console.error,
  redact = (t) => t,
  now = Date.now,
}: FaucetHandlerParameters): (request: Request) => Promise<Response> {
  const window = { windowMs: limits.windowMs, now }
  const byAddress = createRateLimiter({ ...window, limit: limits.perAddress })
  const byClient = createRateLimiter({ ...window, limit: limits.perClient })
  const everyone = createRateLimiter({ ...window, limit: limits.total })
  const queue = createBoundedQueue({ concurrency: 1, maxWaiting: limits.maxWaiting })
  const perMinute = (n: number) => `${n} per ${seconds(limits.windowMs)} s`

  return async (request) => {
    const chain = await loadChain()
    if (chain.status !== 'ready') return json(503, { error: chain.reason })
    if (!chain.env.localChain) {
      return json(404, {
        error: `There is no faucet here: it exists only on the local chain (${FAUCET_CHAIN_ID}), and this app reads chain ${chain.env.chainId}.`,
      })
    }
    if (!chain.env.faucetEnabled) {
      return json(404, {
        error: 'There is no faucet here: the operator has not enabled it (FAUCET_ENABLED=1; npm start does).',
      })
    }
    if (request.method !== 'POST') return json(405, { error: 'Ask the faucet with a POST.' })
    if (!isJsonRequest(request)) {
      return json(415, { error: 'Send the faucet request as application/json: { "address": "0x…" }.' })
    }
    if (!isSameOrigin(request)) {
      return json(403, {
        error: 'The faucet answers only this site’s own pages; this request came from elsewhere.',
      })
    }
    let text: string
    try {
      text = await readBodyText(request, MAX_BODY_BYTES)
    } catch (error) {
      if (error instanceof BodyTooLargeError) return json(413, { error: 'The faucet request is too large.' })
      return json(400, { error: 'The faucet request could not be read.' })
    }
    let address: unknown
    try {
      address = (JSON.parse(text) as { address?: unknown } | null)?.address
    } catch {
      address = undefined
    }
    if (typeof address !== 'string' || !isAddress(address, { strict: false })) {
      return json(400, { error: 'Send { "address": "0x…" } with the account to fund.' })
    }
    const to = getAddress(address)
    const client = clientKey(request)

    const total = everyone.check('all')
    if (!total.ok) {
      return tooMany(total, `The faucet has handed out all it may for now (${perMinute(limits.total)}).`)
    }
    const fromClient = byClient.check(client)
    if (!fromClient.ok) {
      return tooMany(
        fromClient,
        `You have asked the faucet too often (${perMinute(limits.perClient)} per client).`,
      )
    }
    const forAddress = byAddress.check(to.toLowerCase())
    if (!forAddress.ok) {
      return tooMany(
        forAddress,
        `${to} got test tokens ${seconds(now() - forAddress.lastAt)} s ago (at most ${perMinute(limits.perAddress)} per address).`,
      )
    }
    everyone.take('all')
    byClient.take(client)
    byAddress.take(to.toLowerCase())

    try {
      const funded = await queue.run(() => fund(chain, to))
      return json(200, {
        tko: funded.tko.toString(),
        eth: funded.eth.toString(),
        balance: funded.balance.toString(),
      })
    } catch (error) {
      if (error instanceof QueueFullError) {
        return json(
          503,
          { error: `The faucet is busy: ${error.waiting} requests are waiting. Try again in a few seconds.` },
          { 'retry-after': '5' },
        )
      }
      if (error instanceof FaucetError) return json(error.status, { error: error.message })
      log(
        `[api/faucet] funding ${to} failed: ${redact(error instanceof Error ? error.message : String(error))}`,
      )
      return json(500, {
        error:
          'The faucet could not send test tokens: the chain node refused or failed. The server log has the details.',
      })
    }
  }
}
