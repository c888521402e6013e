/**
 * The local network's accounts, all derived from anvil's well-known test mnemonic so every restart of
 * `npm start` gives the same addresses (and any of them can be imported into a wallet).
 *
 * | index  | role                                                             |
 * |--------|------------------------------------------------------------------|
 * | 0      | deployer: owns the token and the core, mints demo TKO            |
 * | 1      | proposer bot                                                     |
 * | 2, 3   | free: the browser's "dev account" wallet and the e2e tests       |
 * | 8      | bank: holds demo TKO and pays it to provers that rejoin          |
 * | 9      | racer bot (proves open and late blocks)                          |
 * | 10–49  | demo provers (`demoProverAccount(0…39)`)                          |
 *
 * Only the population step mints with the deployer; afterwards the bots never send from it (the app's
 * faucet does), so the two never race for its nonce. Never use these keys on a real network: they are
 * public.
 */
import { bytesToHex, type Hex } from 'viem'
import { type HDAccount, mnemonicToAccount } from 'viem/accounts'

/** Anvil's default mnemonic (public; local development only). */
export const ANVIL_MNEMONIC = 'test test test test test test test test test test test junk'

export const DEPLOYER_INDEX = 0
export const PROPOSER_INDEX = 1
/** Dev accounts left free of demo state for the browser wallet and the e2e tests. */
export const FREE_DEV_INDEXES = [2, 3] as const
export const BANK_INDEX = 8
export const RACER_INDEX = 9
export const FIRST_DEMO_PROVER_INDEX = 10

export type DevAccount = {
  index: number
  account: HDAccount
  address: HDAccount['address']
  privateKey: Hex
}

const cache = new Map<number, DevAccount>()

/** The account at `m/44'/60'/0'/0/index` of the anvil mnemonic (derivation is memoised). */
export function devAccount(index: number): DevAccount {
  let entry = cache.get(index)
  if (!entry) {
    const account = mnemonicToAccount(ANVIL_MNEMONIC, { addressIndex: index })
    const key = account.getHdKey().privateKey
    if (!key) throw new Error(`no private key for dev account ${index}`)
    entry = { index, account, address: account.address, privateKey: bytesToHex(key) }
    cache.set(index, entry)
  }
  return entry
}

/** The `n`-th demo prover (0-based), at mnemonic index `FIRST_DEMO_PROVER_INDEX + n`. */
export function demoProverAccount(n: number): DevAccount {
  return devAccount(FIRST_DEMO_PROVER_INDEX + n)
}
