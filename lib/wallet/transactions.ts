import type { Address, Hash, PublicClient, TransactionReceipt, Transport } from 'viem'
import { describeTxError } from './errors'
import { clearPendingTx, type PendingTx, savePendingTx, txStore } from './tx-store'

/** How often a submitted transaction's receipt is asked for (ms). */
const RECEIPT_POLL_INTERVAL = 1_000

/** A transaction that was mined but reverted; `cause` is the replayed call's error (with the revert data). */
export class TransactionRevertedError extends Error {
  override name = 'TransactionRevertedError'
  readonly hash: Hash
  constructor(hash: Hash, cause: unknown) {
    super(`Transaction ${hash} reverted.`, { cause })
    this.hash = hash
  }
}

export type TxSteps = {
  /** Ask the wallet to sign something that is not a transaction (an EIP-712 permit). */
  sign<T>(step: string, request: () => Promise<T>): Promise<T>
  /** Ask the wallet to send a transaction, then wait for its receipt. Throws if it reverted. */
  send(step: string, request: () => Promise<Hash>): Promise<TransactionReceipt>
}

export type RunTransactionParameters = {
  /** What the user asked for, as the status line says it ("Stake 5,000 TKO"). */
  label: string
  chainId: number
  account: Address
  /** Reads receipts and replays reverted transactions (the app's read client). */
  client: PublicClient<Transport>
  /** Chain time for the error sentences ("in 2 min"). */
  now?: (() => bigint) | undefined
  /** Called once everything is confirmed (refresh the page's data). */
  onConfirmed?: (() => void) | undefined
}

export type RunTransactionResult = 'confirmed' | 'rejected' | 'failed'

/** Waits for a receipt; a reverted one becomes a `TransactionRevertedError` carrying the decoded reason. */
export async function waitForReceipt(
  client: PublicClient<Transport>,
  hash: Hash,
): Promise<TransactionReceipt> {
  const receipt = await client.waitForTransactionReceipt({ hash, pollingInterval: RECEIPT_POLL_INTERVAL })
  if (receipt.status === 'success') return receipt
  // Replay the call on the state just before its block to read the custom error it reverted with.
  let cause: unknown = null
  try {
    const tx = await client.getTransaction({ hash })
    await client.call({
      account: tx.from,
      to: tx.to,
      data: tx.input,
      value: tx.value,
      blockNumber: receipt.blockNumber - 1n,
    })
  } catch (error) {
    cause = error
  }
  throw new TransactionRevertedError(hash, cause)
}

/**
 * Runs one wallet action through the lifecycle store: every step that needs the wallet shows "awaiting
 * signature", every transaction "submitted (hash)" and is persisted until its receipt, the end
 * "confirmed"; a rejection is a calm "Signature rejected", a revert its custom error in words.
 */
export async function runTransaction(
  { label, chainId, account, client, now, onConfirmed }: RunTransactionParameters,
  body: (steps: TxSteps) => Promise<void>,
): Promise<RunTransactionResult> {
  const id = txStore.start(label)
  let last: TransactionReceipt | undefined
  const steps: TxSteps = {
    async sign(step, request) {
      txStore.update(id, { phase: 'signing', step })
      return request()
    },
    async send(step, request) {
      txStore.update(id, { phase: 'signing', step })
      const hash = await request()
      const pending: PendingTx = { hash, label, chainId, account, submittedAt: Date.now() }
      savePendingTx(pending)
      txStore.update(id, { phase: 'submitted', hash, step: undefined })
      try {
        last = await waitForReceipt(client, hash)
      } finally {
        clearPendingTx(hash)
      }
      return last
    },
  }
  try {
    await body(steps)
    txStore.update(id, { phase: 'confirmed', blockNumber: last?.blockNumber, step: undefined })
    onConfirmed?.()
    return 'confirmed'
  } catch (error) {
    const description = describeTxError(error, { now: now?.() })
    txStore.update(id, {
      phase: description.kind === 'rejected' ? 'rejected' : 'failed',
      step: undefined,
      message: description.message,
      errorName: description.kind === 'reverted' ? description.errorName : undefined,
    })
    // A revert may have changed nothing, but a first step (an approval) may have: refresh anyway.
    if (last) onConfirmed?.()
    return description.kind === 'rejected' ? 'rejected' : 'failed'
  }
}

/** Picks up a transaction a previous page left waiting (after a reload) and follows it to the end. */
export async function resumeTransaction(
  pending: PendingTx,
  { client, now, onConfirmed }: Pick<RunTransactionParameters, 'client' | 'now' | 'onConfirmed'>,
): Promise<RunTransactionResult> {
  const id = txStore.resume(pending)
  try {
    const receipt = await waitForReceipt(client, pending.hash)
    txStore.update(id, { phase: 'confirmed', blockNumber: receipt.blockNumber })
    onConfirmed?.()
    return 'confirmed'
  } catch (error) {
    const description = describeTxError(error, { now: now?.() })
    txStore.update(id, { phase: 'failed', message: description.message })
    onConfirmed?.()
    return 'failed'
  } finally {
    clearPendingTx(pending.hash)
  }
}
