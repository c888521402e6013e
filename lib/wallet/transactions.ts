import type { Address, Hash, PublicClient, TransactionReceipt, Transport } from 'viem'
import { describeTxError } from './errors'
import { clearPendingTx, type FollowUp, type PendingTx, savePendingTx, txStore } from './tx-store'

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

/**
 * The wallet put another transaction in this one's place (same sender and nonce): a cancellation (a
 * 0-value transaction to the sender itself) or some other transaction. Either way, this one never
 * ran. A speed-up (the same call at a higher fee) is not this: it is followed to its receipt.
 */
export class TransactionReplacedError extends Error {
  override name = 'TransactionReplacedError'
  readonly hash: Hash
  readonly replacement: Hash
  readonly cancelled: boolean
  constructor(hash: Hash, replacement: Hash, cancelled: boolean) {
    super(`Transaction ${hash} was ${cancelled ? 'cancelled' : 'replaced'} by ${replacement}.`)
    this.hash = hash
    this.replacement = replacement
    this.cancelled = cancelled
  }
}

export type TxSteps = {
  /** Ask the wallet to sign something that is not a transaction (an EIP-712 permit). */
  sign<T>(step: string, request: () => Promise<T>): Promise<T>
  /**
   * Ask the wallet to send a transaction, then wait for its receipt (following a speed-up to its
   * replacement). Throws if it reverted, was cancelled or replaced. `followUp`: this is an approval,
   * and this is the deposit it is for (kept across a reload until sent).
   */
  send(
    step: string,
    request: () => Promise<Hash>,
    options?: { followUp?: FollowUp },
  ): Promise<TransactionReceipt>
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

export type RunTransactionResult =
  | 'confirmed'
  | 'rejected'
  | 'failed'
  | 'cancelled'
  | 'replaced'
  | 'interrupted'

/** What a pending transaction is, for viem to recognise its replacement even if the node dropped it. */
type ReplacementKey = {
  from: Address
  nonce: number
  to?: Address | null
  input?: `0x${string}`
  value?: bigint
}

function replacementKey(pending: PendingTx): ReplacementKey | undefined {
  if (pending.nonce === undefined) return undefined
  return {
    from: pending.account,
    nonce: pending.nonce,
    to: pending.to,
    input: pending.input,
    value: pending.value === undefined ? undefined : BigInt(pending.value),
  }
}

export type ReceiptResult = {
  receipt: TransactionReceipt
  /** The hash first sent, when a speed-up replaced it (`receipt` is the replacement's). */
  spedUpFrom?: Hash | undefined
}

/**
 * Waits for a receipt. A speed-up is followed to its replacement; a cancellation or another
 * transaction in its place becomes a `TransactionReplacedError`; a revert a `TransactionRevertedError`
 * carrying the decoded reason.
 */
export async function waitForReceipt(
  client: PublicClient<Transport>,
  hash: Hash,
  known?: ReplacementKey,
): Promise<ReceiptResult> {
  let replaced: { reason: 'cancelled' | 'replaced' | 'repriced'; hash: Hash } | undefined
  const receipt = await client.waitForTransactionReceipt({
    hash,
    pollingInterval: RECEIPT_POLL_INTERVAL,
    replacement: known,
    onReplaced: (response) => {
      replaced = { reason: response.reason, hash: response.transaction.hash }
    },
  })
  if (replaced && replaced.reason !== 'repriced') {
    throw new TransactionReplacedError(hash, replaced.hash, replaced.reason === 'cancelled')
  }
  const spedUpFrom = replaced ? hash : undefined
  if (receipt.status === 'success') return { receipt, spedUpFrom }
  // Replay the call on the state just before its block to read the custom error it reverted with.
  let cause: unknown = null
  try {
    const tx = await client.getTransaction({ hash: receipt.transactionHash })
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
  throw new TransactionRevertedError(receipt.transactionHash, cause)
}

/** Words for a transaction that never ran because another took its place. */
export function replacedMessage(label: string, error: TransactionReplacedError): string {
  return error.cancelled
    ? `“${label}” was cancelled in your wallet: a 0 ETH transaction to yourself took its place (${error.replacement}). Nothing else changed.`
    : `Another transaction from your account took the place of “${label}” (${error.replacement}), so it did not happen.`
}

/**
 * Runs one wallet action through the lifecycle store: every step that needs the wallet shows "awaiting
 * signature", every transaction "submitted (hash)" and is persisted (per chain and account) until it
 * is settled, the end "confirmed"; a rejection is a calm "Signature rejected", a revert its custom
 * error in words, a cancellation "cancelled".
 */
export async function runTransaction(
  { label, chainId, account, client, now, onConfirmed }: RunTransactionParameters,
  body: (steps: TxSteps) => Promise<void>,
): Promise<RunTransactionResult> {
  const id = txStore.start(label, account)
  let last: TransactionReceipt | undefined
  const saved: Hash[] = []
  const forget = () => {
    for (const hash of saved) clearPendingTx(chainId, account, hash)
  }
  const steps: TxSteps = {
    async sign(step, request) {
      txStore.update(id, { phase: 'signing', step })
      return request()
    },
    async send(step, request, options) {
      txStore.update(id, { phase: 'signing', step })
      const hash = await request()
      // What it is (sender, nonce, call), so a replacement is recognised even after a reload.
      const tx = await client.getTransaction({ hash }).catch(() => null)
      const pending: PendingTx = {
        hash,
        label,
        chainId,
        account,
        submittedAt: Date.now(),
        nonce: tx?.nonce,
        to: tx?.to,
        input: tx?.input,
        value: tx?.value.toString(),
        followUp: options?.followUp,
      }
      savePendingTx(pending)
      saved.push(hash)
      txStore.update(id, { phase: 'submitted', hash, replacedHash: undefined, step: undefined })
      const { receipt, spedUpFrom } = await waitForReceipt(client, hash, replacementKey(pending))
      last = receipt
      if (spedUpFrom) txStore.update(id, { hash: receipt.transactionHash, replacedHash: spedUpFrom })
      if (options?.followUp) {
        // The approval is in; until the deposit itself is sent, a reload offers to send it.
        savePendingTx({ ...pending, hash: receipt.transactionHash, confirmed: true })
        saved.push(receipt.transactionHash)
      }
      return receipt
    },
  }
  try {
    await body(steps)
    txStore.update(id, { phase: 'confirmed', blockNumber: last?.blockNumber, step: undefined })
    onConfirmed?.()
    return 'confirmed'
  } catch (error) {
    if (error instanceof TransactionReplacedError) {
      txStore.update(id, {
        phase: error.cancelled ? 'cancelled' : 'replaced',
        step: undefined,
        hash: error.replacement,
        replacedHash: error.hash,
        message: replacedMessage(label, error),
      })
      onConfirmed?.()
      return error.cancelled ? 'cancelled' : 'replaced'
    }
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
  } finally {
    forget()
  }
}

/**
 * Picks up a transaction a previous page left waiting for this account (after a reload) and follows
 * it to the end. An approval whose deposit was not sent yet ends as `interrupted`: the page offers to
 * send the deposit.
 */
export async function resumeTransaction(
  pending: PendingTx,
  { client, now, onConfirmed }: Pick<RunTransactionParameters, 'client' | 'now' | 'onConfirmed'>,
): Promise<RunTransactionResult> {
  const id = txStore.resume(pending)
  if (pending.confirmed && pending.followUp) return 'interrupted'
  try {
    const { receipt, spedUpFrom } = await waitForReceipt(client, pending.hash, replacementKey(pending))
    const hashes = { hash: receipt.transactionHash, replacedHash: spedUpFrom }
    if (pending.followUp) {
      savePendingTx({ ...pending, hash: receipt.transactionHash, confirmed: true })
      if (receipt.transactionHash !== pending.hash)
        clearPendingTx(pending.chainId, pending.account, pending.hash)
      txStore.update(id, {
        ...hashes,
        phase: 'interrupted',
        blockNumber: receipt.blockNumber,
        followUp: pending.followUp,
      })
      onConfirmed?.()
      return 'interrupted'
    }
    clearPendingTx(pending.chainId, pending.account, pending.hash)
    txStore.update(id, { ...hashes, phase: 'confirmed', blockNumber: receipt.blockNumber })
    onConfirmed?.()
    return 'confirmed'
  } catch (error) {
    clearPendingTx(pending.chainId, pending.account, pending.hash)
    if (error instanceof TransactionReplacedError) {
      txStore.update(id, {
        phase: error.cancelled ? 'cancelled' : 'replaced',
        hash: error.replacement,
        replacedHash: error.hash,
        message: replacedMessage(pending.label, error),
      })
      onConfirmed?.()
      return error.cancelled ? 'cancelled' : 'replaced'
    }
    const description = describeTxError(error, { now: now?.() })
    txStore.update(id, { phase: 'failed', message: description.message })
    onConfirmed?.()
    return 'failed'
  }
}
