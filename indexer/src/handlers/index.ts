import { onBlockProposed, onBlockProven, onRewardOwed } from './blocks'
import { onOwedRewardsPaid, onRewardsClaimed } from './rewards'
import {
  onAvgProofDelayChanged,
  onConfigCancelled,
  onConfigScheduled,
  onConfigUpdated,
  onEmergencyModeChanged,
  onFeePerGasChanged,
} from './series'
import {
  onCapacityChanged,
  onEvicted,
  onExitRequested,
  onRewardPerGasChanged,
  onSlashed,
  onStaked,
  onWithdrawn,
} from './stakers'
import type { CoreEvent, CoreEventName, Handler, Store } from './types'

/** Every event of the core the indexer stores, and its handler. */
export const handlers = {
  BlockProposed: onBlockProposed,
  BlockProven: onBlockProven,
  RewardOwed: onRewardOwed,
  FeePerGasChanged: onFeePerGasChanged,
  AvgProofDelayChanged: onAvgProofDelayChanged,
  EmergencyModeChanged: onEmergencyModeChanged,
  RewardsClaimed: onRewardsClaimed,
  OwedRewardsPaid: onOwedRewardsPaid,
  Staked: onStaked,
  Evicted: onEvicted,
  ExitRequested: onExitRequested,
  Withdrawn: onWithdrawn,
  Slashed: onSlashed,
  RewardPerGasChanged: onRewardPerGasChanged,
  CapacityChanged: onCapacityChanged,
  ConfigUpdated: onConfigUpdated,
  ConfigScheduled: onConfigScheduled,
  ConfigCancelled: onConfigCancelled,
} satisfies { [name in CoreEventName]?: Handler<name> }

export type IndexedEventName = keyof typeof handlers

/** Runs the handler of one event (tests replay recorded logs through this). */
export function handle(db: Store, name: IndexedEventName, event: CoreEvent<IndexedEventName>): Promise<void> {
  return (handlers[name] as Handler<IndexedEventName>)(db, event)
}

export type { CoreEvent, CoreEventName, Handler, Store } from './types'
