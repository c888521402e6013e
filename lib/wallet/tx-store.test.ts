import { describe, expect, it } from 'vitest'
import { clearPendingTx, loadPendingTx, type PendingTx, savePendingTx, txStateFor, txStore } from './tx-store'

/** localStorage's interface over a Map (vitest runs in Node). */
function memoryStorage(): Storage {
  const map = new Map<string, string>()
  return {
    get length() {
      return map.size
    },
    clear: () => map.clear(),
    getItem: (key) => map.get(key) ?? null,
    key: (i) => [...map.keys()][i] ?? null,
    removeItem: (key) => void map.delete(key),
    setItem: (key, value) => void map.set(key, value),
  }
}

const ALICE = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC'
const BOB = '0x90F79bf6EB2c4f870365E785982E1f101E93b906'
const HASH = `0x${'ab'.repeat(32)}` as const

const pending: PendingTx = {
  hash: HASH,
  label: 'Stake 6,000 TKO',
  chainId: 31337,
  account: ALICE,
  submittedAt: 1,
  nonce: 7,
}

describe('the pending transaction record', () => {
  it('belongs to one account on one chain: another account or chain does not inherit it', () => {
    const store = memoryStorage()
    savePendingTx(pending, store)
    expect(loadPendingTx(31337, BOB, store)).toBeNull()
    expect(loadPendingTx(1, ALICE, store)).toBeNull()
    expect(loadPendingTx(31337, ALICE.toLowerCase() as `0x${string}`, store)).toMatchObject({
      hash: HASH,
      nonce: 7,
    })
  })

  it('keeps one record per account, and clears only the transaction it was asked to', () => {
    const store = memoryStorage()
    savePendingTx(pending, store)
    savePendingTx({ ...pending, account: BOB, hash: `0x${'cd'.repeat(32)}` }, store)
    clearPendingTx(31337, ALICE, `0x${'cd'.repeat(32)}`, store)
    expect(loadPendingTx(31337, ALICE, store)?.hash).toBe(HASH)
    clearPendingTx(31337, ALICE, HASH, store)
    expect(loadPendingTx(31337, ALICE, store)).toBeNull()
    expect(loadPendingTx(31337, BOB, store)).not.toBeNull()
  })

  it('keeps the deposit an approval was for, and drops a malformed one', () => {
    const store = memoryStorage()
    const followUp = {
      kind: 'stake' as const,
      amount: '6000000000000000000000',
      rewardPerGas: '950',
      capacity: '4',
    }
    savePendingTx({ ...pending, followUp, confirmed: true }, store)
    expect(loadPendingTx(31337, ALICE, store)).toMatchObject({ followUp, confirmed: true })
    savePendingTx({ ...pending, followUp: { ...followUp, amount: '-1' } }, store)
    expect(loadPendingTx(31337, ALICE, store)?.followUp).toBeUndefined()
  })

  it('forgets a record it cannot read', () => {
    const store = memoryStorage()
    store.setItem(`prover-pool:pending-tx:31337:${ALICE.toLowerCase()}`, '{not json')
    expect(loadPendingTx(31337, ALICE, store)).toBeNull()
    expect(store.length).toBe(0)
  })
})

describe('the action in flight', () => {
  it('is shown to, and blocks, only the account it is for', () => {
    txStore.start('Stake 6,000 TKO', ALICE)
    const tx = txStore.getSnapshot()
    expect(txStateFor(tx, ALICE)).toBe(tx)
    expect(txStateFor(tx, BOB)).toBeNull()
    expect(txStore.isBusy(ALICE)).toBe(true)
    expect(txStore.isBusy(BOB)).toBe(false)
    txStore.dismiss()
  })
})
