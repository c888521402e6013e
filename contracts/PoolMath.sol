// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {BPS, Config, MAX_CAPACITY, MAX_SLOTS, STAKE_UNIT} from "./PoolTypes.sol";

/// @title PoolMath
/// @notice The pure formulas of SPEC.md ("Formulas"), exactly as docs/contracts.md states them.
/// `lib/pool-math` mirrors every function here to the wei; a difference is a bug.
/// @dev Every division rounds down unless a comment says otherwise. Parameters are passed as plain
/// integers (not the `Config` struct) so the hot path reads only the packed words it needs.
library PoolMath {
    uint256 private constant U16 = type(uint16).max;
    uint256 private constant U24 = type(uint24).max;
    uint256 private constant U32 = type(uint32).max;
    /// @notice The longest exit delay any config may set: stakes are never locked away for longer.
    uint256 internal constant MAX_EXIT_DELAY = 30 days;

    /// @notice The bounds of `Config` field `i` (docs/contracts.md, "Config bounds"; SPEC Revision 2.1 sets
    /// the hard caps on slashing, bonuses, open rewards, the exit delay and the minimum window). Cross-field
    /// rules read the other field: `rewardCapBps ≥ rewardFloorBps`, `rewardRangeMaxBps ≥ rewardRangeMinBps`,
    /// `minProofWindow ≤ maxProofWindow`, `exitDelay ≥ maxProofWindow`.
    function configBounds(uint256 i, Config memory c) internal pure returns (uint256 lo, uint256 hi) {
        if (i == 0) return (1, MAX_SLOTS); // maxActiveProvers
        if (i == 1) return (5_000, BPS); // rewardFloorBps: underbidding below half of F never buys weight
        if (i == 2) return (c.rewardFloorBps, 20_000); // rewardCapBps
        if (i == 3) return (0, BPS); // rewardRangeMinBps
        if (i == 4) return (c.rewardRangeMinBps, 40_000); // rewardRangeMaxBps
        if (i == 5) return (0, 20_000); // openRewardBps
        if (i == 6 || i == 7) return (1, U32); // feeSmoothing, delaySmoothing
        if (i == 8) return (0, U16); // proofWindowMultiplier
        if (i == 9) return (1, c.maxProofWindow); // minProofWindow
        if (i == 10) return (1, U32); // maxProofWindow
        if (i == 11) return (0, 1_000); // slashBps
        if (i == 12) return (0, 16); // minSlashRewardMultiple
        if (i == 13) return (0, U32); // rewardChangeCooldown
        if (i == 14) return (c.maxProofWindow, MAX_EXIT_DELAY); // exitDelay: slashable through the last window, locked ≤ 30 days
        if (i == 15) return (1, U32); // maxExitsPerDay
        if (i == 16) return (0, U24); // maxOpenBlocks (keeps backlog within uint32)
        if (i == 17) return (0, type(uint96).max); // baseMinStake
        if (i == 18) return (0, MAX_CAPACITY); // baseMinCapacity
        if (i == 19) return (1, U24); // targetBacklog
        if (i <= 22) return (0, 5_000); // perfBonusFastBps, perfBonusBps, stabilizationBonusBps
        if (i == 23) return (1, U32); // congestionBacklog
        if (i == 24) return (0, MAX_SLOTS); // minAvailableProvers
        if (i == 25) return (0, U32); // batchingBacklog
        if (i == 26) return (1, U32); // batchDivisor
        if (i == 27) return (2, 64); // maxBatchSize: bounds the proof loop
        if (i == 28) return (1, U32); // minGasPerBlock
        return (0, U32); // configDelay
    }

    /// @notice `clamp(x, lo, hi)`: the lower bound is applied first, so `lo > hi` returns `lo`.
    function clamp(uint256 x, uint256 lo, uint256 hi) internal pure returns (uint256) {
        if (x < lo) return lo;
        if (x > hi) return hi;
        return x;
    }

    /// @notice Whole-TKO part of a stake in wei (floor): the quantity weight and requirements use.
    function quantiseStake(uint256 stake) internal pure returns (uint256) {
        return (stake / STAKE_UNIT) * STAKE_UNIT;
    }

    /// @notice `R' = clamp(R, F*floorBps/BPS, F*capBps/BPS)` (both bounds floor-divided).
    function effectiveRewardPerGas(uint256 rewardPerGas, uint256 feePerGas, uint256 floorBps, uint256 capBps)
        internal
        pure
        returns (uint256)
    {
        return clamp(rewardPerGas, (feePerGas * floorBps) / BPS, (feePerGas * capBps) / BPS);
    }

    /// @notice Selection weight `A_q*F*F/(Rw*Rw)`, `Rw = max(R, F*floorBps/BPS)`, `A_q` = stake floored to
    /// whole TKO; `0` when `A_q`, `C` or `R` is zero. One floor division at the end.
    function weight(uint256 stake, uint256 rewardPerGas, uint256 capacity, uint256 feePerGas, uint256 floorBps)
        internal
        pure
        returns (uint256)
    {
        uint256 stakeQ = quantiseStake(stake);
        if (stakeQ == 0 || capacity == 0 || rewardPerGas == 0) return 0;
        uint256 floor = (feePerGas * floorBps) / BPS;
        uint256 rw = rewardPerGas < floor ? floor : rewardPerGas;
        return (stakeQ * feePerGas * feePerGas) / (rw * rw);
    }

    /// @notice The seed's raw `A*F*F/(R*R)` (not quantised, no floor). Display only; never used on chain.
    function seedWeight(uint256 stake, uint256 rewardPerGas, uint256 capacity, uint256 feePerGas)
        internal
        pure
        returns (uint256)
    {
        if (stake == 0 || capacity == 0 || rewardPerGas == 0) return 0;
        return (stake * feePerGas * feePerGas) / (rewardPerGas * rewardPerGas);
    }

    /// @notice `uint256(keccak256(abi.encode(parentHash, blockId)))`.
    function selectionSeed(bytes32 parentHash, uint256 blockId) internal pure returns (uint256) {
        return uint256(keccak256(abi.encode(parentHash, blockId)));
    }

    /// @notice Weighted pick: `r = seed % total`, the first index `i` with `r < w[0]+…+w[i]`.
    /// @return selected false when the total weight is zero (an open block).
    /// @return index the picked index (0 when none).
    function selectProver(uint256[] memory weights, uint256 seed)
        internal
        pure
        returns (bool selected, uint256 index)
    {
        uint256 total;
        for (uint256 i; i < weights.length; ++i) {
            total += weights[i];
        }
        if (total == 0) return (false, 0);
        uint256 r = seed % total;
        uint256 acc;
        for (uint256 i; i < weights.length; ++i) {
            acc += weights[i];
            if (r < acc) return (true, i);
        }
        // Unreachable: r < total == acc after the loop.
        return (false, 0);
    }

    /// @notice `(F*(feeSmoothing-1) + R') / feeSmoothing` (floor), but at least one wei towards `R'`
    /// whenever `R' != F` (SPEC Revision 2.6). Floor division already moves a falling F by at least one
    /// wei; a rising F would stay put while `R' - F < feeSmoothing`, so it takes the one-wei step then.
    function nextFeePerGas(uint256 feePerGas, uint256 effectiveReward, uint256 feeSmoothing)
        internal
        pure
        returns (uint256 next)
    {
        next = (feePerGas * (feeSmoothing - 1) + effectiveReward) / feeSmoothing;
        if (next == feePerGas && effectiveReward > feePerGas) next = feePerGas + 1;
    }

    /// @notice `(avg*(delaySmoothing-1) + delay) / delaySmoothing` (floor). Unit-agnostic; the core applies
    /// it to milliseconds (`avgProofDelayMs`, `delay * 1000`).
    function nextAvgProofDelay(uint256 avg, uint256 delay, uint256 delaySmoothing) internal pure returns (uint256) {
        return (avg * (delaySmoothing - 1) + delay) / delaySmoothing;
    }

    /// @notice `clamp(avgMs*multiplier/1000, minWindow, maxWindow)` (floor; the window is in seconds).
    function proofWindow(uint256 avgProofDelayMs, uint256 multiplier, uint256 minWindow, uint256 maxWindow)
        internal
        pure
        returns (uint256)
    {
        return clamp((avgProofDelayMs * multiplier) / 1000, minWindow, maxWindow);
    }

    /// @notice `F * gasUsed`.
    function proposalFee(uint256 feePerGas, uint256 gasUsed) internal pure returns (uint256) {
        return feePerGas * gasUsed;
    }

    /// @notice Parameters of `proofReward` (kept in a struct to stay below the stack limit).
    struct RewardParams {
        uint256 rewardPerGas; // the block's R' snapshot (F at proposal for open blocks)
        uint256 gasUsed;
        uint256 delay; // proof time − proposal time, seconds
        uint256 avgProofDelayMs; // the block's snapshot of the average delay, milliseconds
        bool assignedInWindow; // the assigned prover proves inside its window
        bool stabilized; // emergency mode at proof time, or a batch of ≥ 2 blocks
        uint256 openRewardBps;
        uint256 perfBonusFastBps;
        uint256 perfBonusBps;
        uint256 stabilizationBonusBps;
    }

    /// @notice SPEC.md `proofReward`.
    /// In window: `base = R'*gasUsed`, bonus `base*fastBps/BPS` if `2*delay*1000 <= avgMs`, else
    /// `base*bps/BPS` if `delay*1000 <= avgMs` (delay in seconds, avgMs in milliseconds). Open or late: `base = R'*gasUsed*openRewardBps/BPS` (one floor), no bonus.
    /// Stabilization: `base*stabilizationBonusBps/BPS`.
    function proofReward(RewardParams memory p)
        internal
        pure
        returns (uint256 base, uint256 performanceBonus, uint256 stabilizationBonus, uint256 total)
    {
        if (p.assignedInWindow) {
            base = p.rewardPerGas * p.gasUsed;
            uint256 delayMs = p.delay * 1000;
            if (2 * delayMs <= p.avgProofDelayMs) {
                performanceBonus = (base * p.perfBonusFastBps) / BPS;
            } else if (delayMs <= p.avgProofDelayMs) {
                performanceBonus = (base * p.perfBonusBps) / BPS;
            }
        } else {
            base = (p.rewardPerGas * p.gasUsed * p.openRewardBps) / BPS;
        }
        if (p.stabilized) stabilizationBonus = (base * p.stabilizationBonusBps) / BPS;
        total = base + performanceBonus + stabilizationBonus;
    }

    /// @notice `min(stake, max(stake*slashBps/BPS, baseReward*minSlashRewardMultiple))`.
    function slashAmount(uint256 stake, uint256 baseReward, uint256 slashBps, uint256 minSlashRewardMultiple)
        internal
        pure
        returns (uint256)
    {
        uint256 bySlash = (stake * slashBps) / BPS;
        uint256 byReward = baseReward * minSlashRewardMultiple;
        uint256 amount = bySlash > byReward ? bySlash : byReward;
        return amount < stake ? amount : stake;
    }

    /// @notice `(deposited - slashed) * BPS / deposited`, `BPS` when nothing was deposited.
    function healthBps(uint256 deposited, uint256 slashed) internal pure returns (uint256) {
        if (deposited == 0) return BPS;
        return ((deposited - slashed) * BPS) / deposited;
    }

    /// @notice `clamp(base*(target+backlog)/(2*target), base/2, base*2)`.
    function minStake(uint256 backlog, uint256 baseMinStake, uint256 targetBacklog) internal pure returns (uint256) {
        return clamp(
            (baseMinStake * (targetBacklog + backlog)) / (2 * targetBacklog), baseMinStake / 2, baseMinStake * 2
        );
    }

    /// @notice `max(1, clamp(base*(target+backlog)/(2*target), base/2, base*2))`.
    function minCapacity(uint256 backlog, uint256 baseMinCapacity, uint256 targetBacklog)
        internal
        pure
        returns (uint256)
    {
        uint256 c = clamp(
            (baseMinCapacity * (targetBacklog + backlog)) / (2 * targetBacklog), baseMinCapacity / 2, baseMinCapacity * 2
        );
        return c == 0 ? 1 : c;
    }

    /// @notice `1` if `backlog < batchingBacklog`, else `clamp(ceil(backlog/batchDivisor), 2, maxBatchSize)`.
    function batchSize(uint256 backlog, uint256 batchingBacklog, uint256 batchDivisor, uint256 maxBatchSize)
        internal
        pure
        returns (uint256)
    {
        if (backlog < batchingBacklog) return 1;
        // Rounds up.
        return clamp((backlog + batchDivisor - 1) / batchDivisor, 2, maxBatchSize);
    }
}
