import type { Address } from 'viem'
import type { SendStake } from './stake-form'

/**
 * What the wallet layer (wallet-layer.tsx, loaded when wanted) tells the stake page's shell
 * (stake-app.tsx), which renders the stake form outside of it so what the user typed survives the load.
 */
export type WalletState = {
  /** The layer is on the page (it renders the wallet card from then on). */
  loaded: boolean
  address: Address | undefined
  /** TKO balance while connected. */
  balance: bigint | undefined
  /** The account's staker status (`StakerStatus`), once read. */
  status: number | undefined
  /** It has a position to manage (stake, queued exit or rewards). */
  hasPosition: boolean
  /** It has a queued exit (a new stake is separate from it). */
  rejoining: boolean
  /** Why nothing can be sent now (wrong network, an action in flight), or `null`. */
  blocked: string | null
  send: SendStake | undefined
  connect: (() => void) | undefined
}

export const NO_WALLET: WalletState = {
  loaded: false,
  address: undefined,
  balance: undefined,
  status: undefined,
  hasPosition: false,
  rejoining: false,
  blocked: null,
  send: undefined,
  connect: undefined,
}
