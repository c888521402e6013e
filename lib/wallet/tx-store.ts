import type { Address, Hash } from 'viem'

/**
 * The lifecycle of the stake page's wallet action, as one small external store (React reads it with
 * `useSyncExternalStore`): awaiting signature → submitted (hash) → confirmed, or failed / rejected,
 * or — when the wallet put another transaction in its place — cancelled / replaced. A sped-up
 * transaction is followed to its replacement and confirmed under the new hash.
 * One action at a time: the page disables its buttons while one runs.
 *
 * A submitted transaction is also written to localStorage under its chain AND account, so a reload
 * (or a crash) does not lose it and another account does not inherit it: the page reads it back and
 * resumes waiting (`loadPendingTx`). A two-step deposit (approve, then stake) keeps its second step
 * in the record until it is sent, so a reload between the two offers to send it.
 */
export type TxPhase =
  | 'signing'
  | 'submitted'
  | 'confirmed'
  | 'failed'
  | 'rejected'
  /** The wallet replaced it with a 0-value transaction to the sender itself: nothing happened. */
  | 'cancelled'
  /** Another transaction (not a speed-up of this one) took its nonce: nothing happened. */
  | 'replaced'
  /** The first step (approve) is confirmed and the page was reloaded: the second waits for the user. */
  | 'interrupted'

/** The second step of a deposit that needed an approval, stored until it is sent (amounts in wei). */
export type FollowUp = {
  kind: 'stake' | 'topUp'
  amount: string
  rewardPerGas: string
  capacity: string
}

export type TxState = {
  /** Increases with every new action (lets the UI tell two identical messages apart). */
  id: number
  /** What the user asked for: "Stake 5,000 TKO", "Claim rewards". */
  label: string
  /** The account the action is for (the page shows it only while that account is connected). */
  account?: Address | undefined
  phase: TxPhase
  /** What the wallet asks for now ("Sign the permit", "Confirm the stake"), while signing. */
  step?: string | undefined
  /** Transaction of the current (or last) step; after a speed-up, the replacement. */
  hash?: Hash | undefined
  /** The hash first submitted, when the wallet sped it up (replaced it with a higher fee). */
  replacedHash?: Hash | undefined
  /** Block that confirmed it. */
  blockNumber?: bigint | undefined
  /** Failure, rejection, cancellation in words. */
  message?: string | undefined
  /** Decoded custom error name, when the contract reverted. */
  errorName?: string | undefined
  /** `interrupted`: the step left to send. */
  followUp?: FollowUp | undefined
}

/**
 * What survives a reload: enough to wait for the receipt, to recognise a replacement even if the
 * node forgot the original (sender, nonce and call), and to say what it was.
 */
export type PendingTx = {
  hash: Hash
  label: string
  chainId: number
  account: Address
  submittedAt: number
  /** What the transaction does, when the node told us (viem's replacement detection uses it). */
  nonce?: number | undefined
  to?: Address | null | undefined
  input?: `0x${string}` | undefined
  value?: string | undefined
  /** This is an approval; the deposit's second step comes next. */
  followUp?: FollowUp | undefined
  /** The approval is confirmed (only the follow-up is left). */
  confirmed?: boolean | undefined
}

type Listener = () => void

let state: TxState | null = null
let nextId = 1
const listeners = new Set<Listener>()

function emit(): void {
  for (const listener of listeners) listener()
}

export const txStore = {
  subscribe(listener: Listener): () => void {
    listeners.add(listener)
    return () => listeners.delete(listener)
  },
  getSnapshot(): TxState | null {
    return state
  },
  getServerSnapshot(): TxState | null {
    return null
  },
  /** Starts a new action (awaiting the first signature). Returns its id. */
  start(label: string, account?: Address, step?: string): number {
    const id = nextId++
    state = { id, label, account, phase: 'signing', step }
    emit()
    return id
  },
  /** Updates the action `id` (ignored if another action started since). */
  update(id: number, patch: Partial<Omit<TxState, 'id'>>): void {
    if (!state || state.id !== id) return
    state = { ...state, ...patch }
    emit()
  },
  /** Shows a transaction resumed after a reload. */
  resume(pending: PendingTx): number {
    const id = nextId++
    state = pending.confirmed
      ? {
          id,
          label: pending.label,
          account: pending.account,
          phase: 'interrupted',
          hash: pending.hash,
          followUp: pending.followUp,
        }
      : { id, label: pending.label, account: pending.account, phase: 'submitted', hash: pending.hash }
    emit()
    return id
  },
  dismiss(): void {
    state = null
    emit()
  },
  /** Whether an action of `account` (any account if omitted) is waiting on the wallet or the chain. */
  isBusy(account?: Address): boolean {
    if (!state || (state.phase !== 'signing' && state.phase !== 'submitted')) return false
    return account === undefined || state.account === undefined || sameAddress(state.account, account)
  },
}

export function sameAddress(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase()
}

/** The action as a given account sees it: another account's action is not shown (nor blocking). */
export function txStateFor(tx: TxState | null, account: Address | undefined): TxState | null {
  if (!tx?.account || !account) return tx
  return sameAddress(tx.account, account) ? tx : null
}

const STORAGE_PREFIX = 'prover-pool:pending-tx'

function storageKey(chainId: number, account: Address): string {
  return `${STORAGE_PREFIX}:${chainId}:${account.toLowerCase()}`
}

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage
  } catch {
    return null
  }
}

/** Remembers a submitted transaction of (chain, account) until it is settled. */
export function savePendingTx(pending: PendingTx, store: Storage | null = storage()): void {
  store?.setItem(storageKey(pending.chainId, pending.account), JSON.stringify(pending))
}

const HASH = /^0x[0-9a-fA-F]{64}$/
const DIGITS = /^\d+$/

function parseFollowUp(value: unknown): FollowUp | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const f = value as Partial<FollowUp>
  if (
    (f.kind === 'stake' || f.kind === 'topUp') &&
    [f.amount, f.rewardPerGas, f.capacity].every((v) => typeof v === 'string' && DIGITS.test(v))
  ) {
    return {
      kind: f.kind,
      amount: f.amount as string,
      rewardPerGas: f.rewardPerGas as string,
      capacity: f.capacity as string,
    }
  }
  return undefined
}

/** The transaction a previous page left waiting for this account on this chain, if any. */
export function loadPendingTx(
  chainId: number,
  account: Address,
  store: Storage | null = storage(),
): PendingTx | null {
  const key = storageKey(chainId, account)
  const text = store?.getItem(key)
  if (!text) return null
  try {
    const value = JSON.parse(text) as Partial<PendingTx>
    if (
      typeof value.hash === 'string' &&
      HASH.test(value.hash) &&
      typeof value.label === 'string' &&
      value.chainId === chainId &&
      typeof value.account === 'string' &&
      sameAddress(value.account, account)
    ) {
      return {
        hash: value.hash as Hash,
        label: value.label,
        chainId: value.chainId,
        account: value.account as Address,
        submittedAt: typeof value.submittedAt === 'number' ? value.submittedAt : 0,
        nonce: typeof value.nonce === 'number' && Number.isSafeInteger(value.nonce) ? value.nonce : undefined,
        to: typeof value.to === 'string' ? (value.to as Address) : undefined,
        input: typeof value.input === 'string' ? (value.input as `0x${string}`) : undefined,
        value: typeof value.value === 'string' && DIGITS.test(value.value) ? value.value : undefined,
        followUp: parseFollowUp(value.followUp),
        confirmed: value.confirmed === true,
      }
    }
  } catch {
    // unreadable: forget it below
  }
  store?.removeItem(key)
  return null
}

/** Forgets the pending transaction of (chain, account), only if it is still `hash`. */
export function clearPendingTx(
  chainId: number,
  account: Address,
  hash: Hash,
  store: Storage | null = storage(),
): void {
  const key = storageKey(chainId, account)
  const text = store?.getItem(key)
  if (text?.toLowerCase().includes(hash.toLowerCase())) store?.removeItem(key)
}
