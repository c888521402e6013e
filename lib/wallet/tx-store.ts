import type { Address, Hash } from 'viem'

/**
 * The lifecycle of the stake page's wallet action, as one small external store (React reads it with
 * `useSyncExternalStore`): awaiting signature → submitted (hash) → confirmed, or failed / rejected.
 * One action at a time: the page disables its buttons while one runs.
 *
 * A submitted transaction is also written to localStorage, so a reload (or a crash) does not lose it:
 * the page reads it back and resumes waiting for its receipt (`loadPendingTx`).
 */
export type TxPhase = 'signing' | 'submitted' | 'confirmed' | 'failed' | 'rejected'

export type TxState = {
  /** Increases with every new action (lets the UI tell two identical messages apart). */
  id: number
  /** What the user asked for: "Stake 5,000 TKO", "Claim rewards". */
  label: string
  phase: TxPhase
  /** What the wallet asks for now ("Sign the permit", "Confirm the stake"), while signing. */
  step?: string | undefined
  /** Transaction of the current (or last) step. */
  hash?: Hash | undefined
  /** Block that confirmed it. */
  blockNumber?: bigint | undefined
  /** Failure or rejection in words. */
  message?: string | undefined
  /** Decoded custom error name, when the contract reverted. */
  errorName?: string | undefined
}

/** What survives a reload: enough to wait for the receipt and say what it was. */
export type PendingTx = { hash: Hash; label: string; chainId: number; account: Address; submittedAt: number }

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
  start(label: string, step?: string): number {
    const id = nextId++
    state = { id, label, phase: 'signing', step }
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
    state = { id, label: pending.label, phase: 'submitted', hash: pending.hash }
    emit()
    return id
  },
  dismiss(): void {
    state = null
    emit()
  },
  /** Whether an action is waiting on the wallet or the chain. */
  isBusy(): boolean {
    return state?.phase === 'signing' || state?.phase === 'submitted'
  },
}

const STORAGE_KEY = 'prover-pool:pending-tx'

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage
  } catch {
    return null
  }
}

/** Remembers a submitted transaction until its receipt arrives. */
export function savePendingTx(pending: PendingTx): void {
  storage()?.setItem(STORAGE_KEY, JSON.stringify(pending))
}

/** The transaction a previous page left waiting on this chain, if any. */
export function loadPendingTx(chainId: number): PendingTx | null {
  const text = storage()?.getItem(STORAGE_KEY)
  if (!text) return null
  try {
    const value = JSON.parse(text) as Partial<PendingTx>
    if (
      typeof value.hash === 'string' &&
      /^0x[0-9a-fA-F]{64}$/.test(value.hash) &&
      typeof value.label === 'string' &&
      value.chainId === chainId &&
      typeof value.account === 'string'
    ) {
      return {
        hash: value.hash as Hash,
        label: value.label,
        chainId: value.chainId,
        account: value.account as Address,
        submittedAt: typeof value.submittedAt === 'number' ? value.submittedAt : 0,
      }
    }
  } catch {
    // unreadable: forget it below
  }
  storage()?.removeItem(STORAGE_KEY)
  return null
}

/** Forgets the pending transaction (only if it is still `hash`). */
export function clearPendingTx(hash: Hash): void {
  const text = storage()?.getItem(STORAGE_KEY)
  if (text?.includes(hash)) storage()?.removeItem(STORAGE_KEY)
}
