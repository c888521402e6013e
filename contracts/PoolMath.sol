// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {BPS, STAKE_UNIT} from "./PoolTypes.sol";

/// @title PoolMath
/// @notice The pure formulas of SPEC.md ("Formulas"), exactly as docs/contracts.md states them.
/// `lib/pool-math` mirrors every function here to the wei; a difference is a bug.
/// @dev Every division rounds down unless a comment says otherwise. Parameters are passed as plain
/// integers (not the `Config` struct) so the hot path reads only the packed words it needs.
library PoolMath {
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

    /// @notice `(F*(feeSmoothing-1) + R') / feeSmoothing` (floor).
    function nextFeePerGas(uint256 feePerGas, uint256 effectiveReward, uint256 feeSmoothing)
        internal
        pure
        returns (uint256)
    {
        return (feePerGas * (feeSmoothing - 1) + effectiveReward) / feeSmoothing;
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
