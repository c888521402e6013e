import { ponder } from 'ponder:registry'
import { handlers } from './handlers'
import type { Store } from './handlers/types'

// Ponder's indexing functions delegate to the handlers (indexer/src/handlers), which take the store and
// the event as arguments so tests can run them on their own database.
ponder.on('BlockProtocol:BlockProposed', ({ event, context }) =>
  handlers.BlockProposed(store(context.db), event),
)
ponder.on('BlockProtocol:BlockProven', ({ event, context }) => handlers.BlockProven(store(context.db), event))
ponder.on('BlockProtocol:RewardOwed', ({ event, context }) => handlers.RewardOwed(store(context.db), event))
ponder.on('BlockProtocol:FeePerGasChanged', ({ event, context }) =>
  handlers.FeePerGasChanged(store(context.db), event),
)
ponder.on('BlockProtocol:AvgProofDelayChanged', ({ event, context }) =>
  handlers.AvgProofDelayChanged(store(context.db), event),
)
ponder.on('BlockProtocol:EmergencyModeChanged', ({ event, context }) =>
  handlers.EmergencyModeChanged(store(context.db), event),
)
ponder.on('BlockProtocol:RewardsClaimed', ({ event, context }) =>
  handlers.RewardsClaimed(store(context.db), event),
)
ponder.on('BlockProtocol:OwedRewardsPaid', ({ event, context }) =>
  handlers.OwedRewardsPaid(store(context.db), event),
)
ponder.on('BlockProtocol:Staked', ({ event, context }) => handlers.Staked(store(context.db), event))
ponder.on('BlockProtocol:Evicted', ({ event, context }) => handlers.Evicted(store(context.db), event))
ponder.on('BlockProtocol:ExitRequested', ({ event, context }) =>
  handlers.ExitRequested(store(context.db), event),
)
ponder.on('BlockProtocol:Withdrawn', ({ event, context }) => handlers.Withdrawn(store(context.db), event))
ponder.on('BlockProtocol:Slashed', ({ event, context }) => handlers.Slashed(store(context.db), event))
ponder.on('BlockProtocol:RewardPerGasChanged', ({ event, context }) =>
  handlers.RewardPerGasChanged(store(context.db), event),
)
ponder.on('BlockProtocol:CapacityChanged', ({ event, context }) =>
  handlers.CapacityChanged(store(context.db), event),
)
ponder.on('BlockProtocol:ConfigUpdated', ({ event, context }) =>
  handlers.ConfigUpdated(store(context.db), event),
)
ponder.on('BlockProtocol:ConfigScheduled', ({ event, context }) =>
  handlers.ConfigScheduled(store(context.db), event),
)
ponder.on('BlockProtocol:ConfigCancelled', ({ event, context }) =>
  handlers.ConfigCancelled(store(context.db), event),
)

/**
 * Ponder's store is the `Store` the handlers use, but its generic signatures (which reject offchain tables
 * with a type error) do not unify with the plain ones, so the one conversion is here.
 */
function store(db: unknown): Store {
  return db as Store
}
