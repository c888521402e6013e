/**
 * Everything the local network's population and bots can be tuned by, in one place: data, not code.
 * Protocol timing (proof windows, cooldowns, exit delay, backlog thresholds) is not here: it is the
 * deployed `demoConfig` (lib/pool-math/config.ts), read back from the chain by the bots. Proof delays
 * are fractions of each block's own proof window, so they follow the config too.
 */

/** How a demo prover behaves. */
export type ProfileName = 'fast' | 'average' | 'slow' | 'flaky'

export type Profile = {
  /** Proof delay, as a fraction `[min, max]` of the block's proof window (drawn uniformly). */
  delayOfWindow: readonly [number, number]
  /** Chance to miss a block entirely (offline): someone else proves it late and this prover is slashed. */
  missRate: number
  /** R this prover bids, in basis points of `F` (clamped to the allowed range). */
  rewardBps: readonly [number, number]
  /** Capacity it states. */
  capacity: readonly [number, number]
}

export const profiles: Record<ProfileName, Profile> = {
  fast: { delayOfWindow: [0.06, 0.16], missRate: 0, rewardBps: [9_600, 11_000], capacity: [4, 8] },
  average: { delayOfWindow: [0.15, 0.4], missRate: 0, rewardBps: [9_000, 11_500], capacity: [2, 6] },
  slow: { delayOfWindow: [0.4, 0.8], missRate: 0.01, rewardBps: [8_500, 10_500], capacity: [2, 5] },
  flaky: { delayOfWindow: [0.15, 0.5], missRate: 0.2, rewardBps: [8_000, 10_000], capacity: [2, 6] },
}

/**
 * The demo population. The first `initial` provers fill the 32 active slots; `exiting` of them then
 * request an exit; the rest join afterwards with more weight, so each one beyond the free slots
 * evicts the lowest-weight active prover. Stake ranges are in whole TKO.
 */
export const population = {
  /** Profiles in staking order (the count per profile is the number of entries). */
  profiles: [
    // 32 initial stakers: fill the active list.
    ...['fast', 'average', 'slow', 'flaky', 'average', 'fast', 'average', 'slow'],
    ...['flaky', 'average', 'fast', 'slow', 'average', 'flaky', 'average', 'fast'],
    ...['slow', 'average', 'flaky', 'fast', 'average', 'slow', 'average', 'flaky'],
    ...['fast', 'average', 'slow', 'average', 'flaky', 'fast', 'average', 'slow'],
    // 8 late stakers: one takes the slot of the exiting prover, seven evict.
    ...['fast', 'flaky', 'average', 'fast', 'slow', 'average', 'flaky', 'fast'],
  ] as readonly ProfileName[],
  /** How many of `profiles` stake first (the rest are the late, heavier stakers). */
  initial: 32,
  /** Index (in `profiles`) of the initial staker that requests an exit before the late ones join. */
  exitingIndex: 6,
  initialStakeTko: [600, 3_200] as const,
  lateStakeTko: [2_600, 6_000] as const,
  /** Late stakers bid close to F so their weight is high. */
  lateRewardBps: [9_500, 10_300] as const,
  /** Extra TKO minted to each prover on top of its stake (for later top-ups and rejoins). */
  spareTko: 500,
  /** ETH given to each bot account (anvil_setBalance), in whole ether. */
  eth: 1_000,
  /** TKO minted to the proposer bot for proposal fees. */
  proposerTko: 10_000_000,
  /** TKO minted to the bank account, which pays provers that rejoin with more stake. */
  bankTko: 10_000_000,
  /** TKO the deployer puts in the treasury, so rewards and bonuses are paid from the start. */
  treasuryTko: 1_000_000,
  /** Every `permitEvery`-th prover stakes with `stakeWithPermit`, the others with approve + stake. */
  permitEvery: 2,
  /** Seed of the deterministic random draws (same population on every run). */
  seed: 4_242,
}

/** The bots' pace. Milliseconds unless stated. */
export const bots = {
  /** How often the chain is read for new events and the pool view. */
  pollMs: 1_000,
  /** A status line every … */
  statusEveryMs: 30_000,
  proposer: {
    intervalMs: 3_000,
    /** `gasUsed` of proposals, drawn uniformly. */
    gasUsed: [1_000_000, 14_000_000] as const,
  },
  provers: {
    tickMs: 500,
  },
  racer: {
    tickMs: 1_000,
    /** Wait before racing an open block, as a fraction of its proof window. */
    openDelayOfWindow: [0.05, 0.2] as const,
    /** Wait after a block's deadline before proving it late (seconds). */
    lateAfterDeadlineSeconds: [1, 4] as const,
  },
  claims: {
    everyMs: 15_000,
    /** Provers claiming per round, at most. */
    perRound: 3,
    /** Claim once unclaimed rewards reach … TKO wei. */
    minRewards: 10n ** 16n,
  },
  tuner: {
    /** Now and then one prover changes R or capacity (when its cooldown allows). */
    everyMs: 40_000,
  },
  churn: {
    /** Withdraw unlocked exits, rejoin withdrawn provers, and now and then one exit. */
    everyMs: 30_000,
    /** A voluntary exit is requested when no demo prover is exiting, at most this often. */
    exitEveryMs: 240_000,
  },
}

/** The knobs a scenario turns; the bots read them on every tick. */
export type Conditions = {
  proposerIntervalMs: number
  /** Multiplies every demo prover's proof delay. */
  proverDelayFactor: number
  /** Whether the racer and the fast provers race open blocks, and the racer proves late blocks. */
  racing: boolean
}

export const normalConditions: Conditions = {
  proposerIntervalMs: bots.proposer.intervalMs,
  proverDelayFactor: 1,
  racing: true,
}
