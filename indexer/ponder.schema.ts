import { index, onchainTable, primaryKey } from 'ponder'

/**
 * The core's history as tables. One row per L2 block (its proposal, assignment, deadline and proof),
 * one per staker (its current position and counters) plus one per change of it, and the series the
 * dashboard draws (fee per gas, average delay), emergency episodes, batches, claims, and daily
 * aggregates per prover and pool-wide. Amounts are wei (bigint), times unix seconds, `day` is
 * `timestamp / 86400`. Every read the app makes is an indexed, bounded query (indexer/src/api).
 */

export const block = onchainTable(
  'block',
  (t) => ({
    blockId: t.bigint().primaryKey(),
    /** Chain block and time of the proposal. */
    proposedIn: t.bigint().notNull(),
    proposedAt: t.bigint().notNull(),
    proposer: t.hex().notNull(),
    /** null for an open block. */
    assignedProver: t.hex(),
    gasUsed: t.bigint().notNull(),
    feePerGas: t.bigint().notNull(),
    rewardPerGas: t.bigint().notNull(),
    proofDeadline: t.bigint().notNull(),
    commitment: t.hex().notNull(),
    /** Set by the proof (null while unproven). */
    provenIn: t.bigint(),
    provenAt: t.bigint(),
    prover: t.hex(),
    reward: t.bigint(),
    delay: t.bigint(),
    late: t.boolean(),
    open: t.boolean(),
    batched: t.boolean(),
    /** Transaction of the proof: the blocks of one batch share it. */
    proofTx: t.hex(),
    /** Stake taken from the assigned prover for missing the window (null when not slashed). */
    slashed: t.bigint(),
    /** Part of the reward the treasury could not pay at proof time. */
    owed: t.bigint(),
  }),
  (table) => ({
    assignedIdx: index().on(table.assignedProver, table.blockId),
    proverIdx: index().on(table.prover, table.blockId),
    unprovenIdx: index().on(table.provenIn, table.blockId),
  }),
)

/** Every address that ever staked, as its events left it. */
export const staker = onchainTable(
  'staker',
  (t) => ({
    address: t.hex().primaryKey(),
    /** 'active' | 'exiting' | 'evicted' | 'withdrawn' */
    status: t.text().notNull(),
    stake: t.bigint().notNull(),
    exitAmount: t.bigint().notNull(),
    exitUnlocksAt: t.bigint().notNull(),
    rewardPerGas: t.bigint().notNull(),
    capacity: t.bigint().notNull(),
    deposited: t.bigint().notNull(),
    slashed: t.bigint().notNull(),
    assigned: t.integer().notNull(),
    proven: t.integer().notNull(),
    missed: t.integer().notNull(),
    rewardsEarned: t.bigint().notNull(),
    rewardsClaimed: t.bigint().notNull(),
    rewardsOwed: t.bigint().notNull(),
    claims: t.integer().notNull(),
    /** Who took its slot at its last eviction (kept after a withdrawal, cleared by a new stake). */
    evictedBy: t.hex(),
    firstStakedIn: t.bigint().notNull(),
    /** Order of the first stake (0-based), the same order as the lens's `getStakers`. */
    ordinal: t.integer().notNull(),
    updatedIn: t.bigint().notNull(),
  }),
  (table) => ({
    statusIdx: index().on(table.status, table.ordinal),
  }),
)

/** A staker's position after each event that changed it (stake, exit queue, R, C, health). */
export const stakeChange = onchainTable(
  'stake_change',
  (t) => ({
    id: t.text().primaryKey(),
    prover: t.hex().notNull(),
    blockNumber: t.bigint().notNull(),
    logIndex: t.integer().notNull(),
    timestamp: t.bigint().notNull(),
    /** 'staked' | 'slashed' | 'exit requested' | 'evicted' | 'withdrawn' | 'reward per gas' | 'capacity' */
    event: t.text().notNull(),
    status: t.text().notNull(),
    stake: t.bigint().notNull(),
    exitAmount: t.bigint().notNull(),
    rewardPerGas: t.bigint().notNull(),
    capacity: t.bigint().notNull(),
    deposited: t.bigint().notNull(),
    slashed: t.bigint().notNull(),
    healthBps: t.bigint().notNull(),
  }),
  (table) => ({
    proverIdx: index().on(table.prover, table.blockNumber, table.logIndex),
  }),
)

export const slash = onchainTable(
  'slash',
  (t) => ({
    id: t.text().primaryKey(),
    prover: t.hex().notNull(),
    blockId: t.bigint().notNull(),
    amount: t.bigint().notNull(),
    remainingStake: t.bigint().notNull(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
  }),
  (table) => ({ proverIdx: index().on(table.prover, table.blockNumber) }),
)

/** F after each in-window proof (`FeePerGasChanged`). */
export const feePoint = onchainTable(
  'fee_point',
  (t) => ({
    blockId: t.bigint().primaryKey(),
    timestamp: t.bigint().notNull(),
    blockNumber: t.bigint().notNull(),
    feePerGas: t.bigint().notNull(),
  }),
  (table) => ({ timeIdx: index().on(table.timestamp) }),
)

/**
 * F's lowest and highest point in each time bucket, at several resolutions (src/fee-resolutions.ts:
 * 1 s, 1 min, 1 h, 1 day), kept as each point arrives: the fee chart reads the coarsest resolution that
 * still gives it enough points, so one read scans a few thousand rows at most, whatever the chain's age.
 */
export const feeBucket = onchainTable(
  'fee_bucket',
  (t) => ({
    /** Seconds per bucket. */
    resolution: t.integer().notNull(),
    /** `floor(timestamp / resolution)`. */
    bucket: t.bigint().notNull(),
    lo: t.bigint().notNull(),
    loAt: t.bigint().notNull(),
    hi: t.bigint().notNull(),
    hiAt: t.bigint().notNull(),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.resolution, table.bucket] }) }),
)

/** The average proof delay after each in-window proof (`AvgProofDelayChanged`). */
export const delayPoint = onchainTable(
  'delay_point',
  (t) => ({
    blockId: t.bigint().primaryKey(),
    timestamp: t.bigint().notNull(),
    blockNumber: t.bigint().notNull(),
    avgProofDelayMs: t.bigint().notNull(),
  }),
  (table) => ({ timeIdx: index().on(table.timestamp) }),
)

/** One stretch of emergency mode, from `EmergencyModeChanged(true)` to `(false)`. */
export const emergencyEpisode = onchainTable(
  'emergency_episode',
  (t) => ({
    id: t.text().primaryKey(),
    /** 'congestion' | 'prover-failure' */
    reason: t.text().notNull(),
    startedIn: t.bigint().notNull(),
    startedAt: t.bigint().notNull(),
    endedIn: t.bigint(),
    endedAt: t.bigint(),
  }),
  (table) => ({ startIdx: index().on(table.startedIn) }),
)

/** Two or more blocks proven in one `proveBlocks` transaction. */
export const batch = onchainTable('batch', (t) => ({
  proofTx: t.hex().primaryKey(),
  prover: t.hex().notNull(),
  blockNumber: t.bigint().notNull(),
  timestamp: t.bigint().notNull(),
  size: t.integer().notNull(),
  reward: t.bigint().notNull(),
}))

export const claim = onchainTable(
  'claim',
  (t) => ({
    id: t.text().primaryKey(),
    prover: t.hex().notNull(),
    amount: t.bigint().notNull(),
    /** Part of `amount` that paid owed rewards. */
    owedPaid: t.bigint().notNull(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
  }),
  (table) => ({ proverIdx: index().on(table.prover, table.blockNumber) }),
)

/** Config changes: 'scheduled', 'cancelled', 'applied' (version). */
export const configChange = onchainTable('config_change', (t) => ({
  id: t.text().primaryKey(),
  kind: t.text().notNull(),
  version: t.bigint(),
  activatesAt: t.bigint(),
  blockNumber: t.bigint().notNull(),
  timestamp: t.bigint().notNull(),
}))

/** Per prover and UTC day. */
export const proverDay = onchainTable(
  'prover_day',
  (t) => ({
    prover: t.hex().notNull(),
    day: t.integer().notNull(),
    assigned: t.integer().notNull(),
    proven: t.integer().notNull(),
    missed: t.integer().notNull(),
    rewards: t.bigint().notNull(),
    slashed: t.bigint().notNull(),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.prover, table.day] }) }),
)

/** Pool-wide per UTC day. */
export const poolDay = onchainTable('pool_day', (t) => ({
  day: t.integer().primaryKey(),
  proposed: t.integer().notNull(),
  proven: t.integer().notNull(),
  late: t.integer().notNull(),
  open: t.integer().notNull(),
  gasUsed: t.bigint().notNull(),
  /** Σ feePerGas × gasUsed paid by proposers. */
  fees: t.bigint().notNull(),
  rewards: t.bigint().notNull(),
  slashed: t.bigint().notNull(),
}))

/** Singleton (id 1): what the handlers need across events (the open emergency episode, staker count). */
export const poolState = onchainTable('pool_state', (t) => ({
  id: t.integer().primaryKey(),
  stakerCount: t.integer().notNull(),
  openEpisode: t.text(),
}))
