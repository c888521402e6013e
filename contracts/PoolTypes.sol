// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

// Basis points denominator used by every percentage in the config.
uint256 constant BPS = 10_000;

// Size of the active list in storage. `Config.maxActiveProvers` may use fewer.
uint256 constant MAX_SLOTS = 32;

// Stake is quantised to whole TKO for weight and requirements (see docs/contracts.md).
uint256 constant STAKE_UNIT = 1e18;

// Largest capacity a prover may state (stored as uint8).
uint256 constant MAX_CAPACITY = 255;

// Largest reward per gas R, and so largest F (SPEC Revision 2.6: any value up to 2^64 - 1 wei per gas).
uint256 constant MAX_REWARD_PER_GAS = type(uint64).max;

/// @notice Why emergency mode is on. `None` means it is off.
enum EmergencyReason {
    None,
    Congestion,
    ProverFailure
}

/// @notice Lifecycle of a staker as the dashboard shows it.
enum StakerStatus {
    None, // never staked, or fully withdrawn and not active
    Active, // holds one of the active slots
    Exiting, // voluntarily left; funds queued until the exit delay passes
    Evicted // pushed out by a better stake; funds queued the same way
}

/// @notice Every tunable of the mechanism. Set at deployment; changed only by `scheduleConfig` +
/// `applyConfig` after `configDelay` (SPEC Revision 2.1). Every field has hard bounds
/// (docs/contracts.md, "Config bounds"; `lib/pool-math` `configBounds`).
/// @dev Field order is part of the ABI used by lib/pool-math (`poolConfigKeys`) and the lens.
struct Config {
    uint256 maxActiveProvers; // 1 … 32
    uint256 rewardFloorBps; // 9_500: R' floor and weight floor
    uint256 rewardCapBps; // 10_500: R' cap
    uint256 rewardRangeMinBps; // 5_000: R ≥ F/2 when set
    uint256 rewardRangeMaxBps; // 20_000: R ≤ 2F when set
    uint256 openRewardBps; // 15_000: open or late proofs earn 1.5 × R' (≤ 20_000)
    uint256 feeSmoothing; // 1_024
    uint256 delaySmoothing; // 1_024
    uint256 proofWindowMultiplier; // 3
    uint256 minProofWindow; // seconds, ≥ 1
    uint256 maxProofWindow; // seconds
    uint256 slashBps; // 100 (≤ 1_000)
    uint256 minSlashRewardMultiple; // 4 (≤ 16)
    uint256 rewardChangeCooldown; // seconds
    uint256 exitDelay; // seconds, ≥ maxProofWindow
    uint256 maxExitsPerDay; // 8
    uint256 maxOpenBlocks;
    uint256 baseMinStake; // wei
    uint256 baseMinCapacity;
    uint256 targetBacklog;
    uint256 perfBonusFastBps; // 1_000 (≤ 5_000)
    uint256 perfBonusBps; // 500 (≤ 5_000)
    uint256 stabilizationBonusBps; // 500 (≤ 5_000)
    uint256 congestionBacklog;
    uint256 minAvailableProvers;
    uint256 batchingBacklog;
    uint256 batchDivisor;
    uint256 maxBatchSize; // 2 … 64
    uint256 minGasPerBlock; // a proposal declares at least this much gas (Revision 2.2)
    uint256 configDelay; // seconds between scheduling a config and the earliest time it applies
}

/// @notice A staker as returned by `getStaker` (not the packed storage form).
struct StakerInfo {
    address prover;
    StakerStatus status;
    uint256 slot; // 1-based active slot, 0 when not active
    uint256 stake; // exact active stake in wei
    uint256 rewardPerGas;
    uint256 currentCapacity;
    uint256 maxCapacity;
    uint256 outstandingBlocks; // assigned to it and not yet proven (current capacity = max(0, max - this))
    uint256 deposited; // total ever deposited (health denominator)
    uint256 slashed; // total ever slashed
    uint256 exitAmount; // queued for withdrawal
    uint256 exitUnlocksAt; // timestamp; 0 when nothing is queued
    uint256 rewards; // claimable rewards (paid by the treasury)
    uint256 owedRewards; // rewards the treasury could not pay yet (paid first once it is refilled)
    uint256 lastRewardChangeAt; // joining counts as a change (Revision 2.4)
    uint256 lastCapacityChangeAt; // likewise
}

/// @notice A block as returned by `getBlock`.
struct BlockInfo {
    uint256 blockId;
    address assignedProver; // address(0) for an open block
    uint256 proposedAt;
    uint256 gasUsed;
    uint256 rewardPerGas; // R' snapshot (F at proposal for open blocks)
    uint256 proofWindow; // seconds, fixed at proposal (from the snapshot and the block's config version)
    uint256 avgProofDelayMs; // average delay snapshot at proposal, milliseconds
    uint256 configVersion; // the config whose rates the block keeps (Revision 2.1)
    bytes32 commitment; // handed to the verifier with the block id (Revision 2.2)
    bool open;
    bool proven;
    bool slashed;
}

/// @notice One prover row of the lens.
struct ProverView {
    address prover;
    StakerStatus status;
    uint256 slot; // 1-based, 0 when not active
    uint256 stake;
    uint256 rewardPerGas;
    uint256 currentCapacity;
    uint256 maxCapacity;
    uint256 outstandingBlocks; // assigned to it and not yet proven
    uint256 weight; // exact selection weight at the current F and backlog (0 if not active or not eligible)
    uint256 healthBps;
    uint256 deposited;
    uint256 slashed;
    uint256 exitAmount;
    uint256 exitUnlocksAt;
    uint256 unclaimedRewards;
    uint256 owedRewards;
    uint256 lastRewardChangeAt;
    uint256 lastCapacityChangeAt;
}

/// @notice The pool in one `eth_call` (ProverPoolLens.getPool): bounded whatever the number of stakers
/// ever seen (the active provers only; `ProverPoolLens.getStakers` pages through everyone else).
struct PoolView {
    Config config;
    uint256 configVersion;
    Config pendingConfig; // all zero when nothing is scheduled
    uint256 pendingConfigAt; // when the scheduled config may apply; 0 when nothing is scheduled
    address owner;
    address token;
    uint256 chainBlockNumber;
    uint256 chainTimestamp;
    uint256 feePerGas;
    uint256 avgProofDelayMs; // milliseconds
    uint256 proofWindow; // window a block proposed now would get (seconds)
    uint256 backlog;
    uint256 openBlocks;
    uint256 nextBlockId;
    bool emergency;
    EmergencyReason emergencyReason;
    uint256 batchSize; // currentBatchSize(); batching is on when > 1
    uint256 minStake;
    uint256 minCapacity;
    uint256 activeProvers;
    uint256 totalStaked; // Σ active stake
    uint256 totalQueued; // Σ queued exit amounts
    uint256 treasury;
    uint256 totalOwed; // Σ owed rewards
    uint256 exitsToday;
    uint256 stakerCount; // every address that ever staked (page through them with getStakers)
    ProverView[] provers; // the active provers, in slot order
}
