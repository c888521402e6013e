// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {PoolMath} from "../PoolMath.sol";
import {Config} from "../PoolTypes.sol";

/// @title PoolMathHarness
/// @notice TEST ONLY (never deployed by scripts/deploy): every PoolMath formula as an `external pure`
/// function, with the parameters taken from a `Config`, for the differential tests against lib/pool-math.
contract PoolMathHarness {
    /// @notice The bounds `[lo, hi]` of `Config` field `i` (cross-field bounds read `config`).
    function configBounds(uint256 i, Config calldata config) external pure returns (uint256 lo, uint256 hi) {
        return PoolMath.configBounds(i, config);
    }

    /// @notice `clamp(x, lo, hi)` (lower bound first).
    function clamp(uint256 x, uint256 lo, uint256 hi) external pure returns (uint256) {
        return PoolMath.clamp(x, lo, hi);
    }

    /// @notice Stake floored to whole TKO (wei).
    function quantiseStake(uint256 stake) external pure returns (uint256) {
        return PoolMath.quantiseStake(stake);
    }

    /// @notice `R' = clamp(R, F*rewardFloorBps/BPS, F*rewardCapBps/BPS)`.
    function effectiveRewardPerGas(uint256 rewardPerGas, uint256 feePerGas, Config calldata config)
        external
        pure
        returns (uint256)
    {
        return PoolMath.effectiveRewardPerGas(rewardPerGas, feePerGas, config.rewardFloorBps, config.rewardCapBps);
    }

    /// @notice Selection weight with whole-TKO quantisation and the `Rw` floor.
    function weight(uint256 stake, uint256 rewardPerGas, uint256 capacity, uint256 feePerGas, Config calldata config)
        external
        pure
        returns (uint256)
    {
        return PoolMath.weight(stake, rewardPerGas, capacity, feePerGas, config.rewardFloorBps);
    }

    /// @notice The seed's raw `A*F*F/(R*R)` (display only).
    function seedWeight(uint256 stake, uint256 rewardPerGas, uint256 capacity, uint256 feePerGas)
        external
        pure
        returns (uint256)
    {
        return PoolMath.seedWeight(stake, rewardPerGas, capacity, feePerGas);
    }

    /// @notice `uint256(keccak256(abi.encode(parentHash, blockId)))`.
    function selectionSeed(bytes32 parentHash, uint256 blockId) external pure returns (uint256) {
        return PoolMath.selectionSeed(parentHash, blockId);
    }

    /// @notice Weighted pick; `selected == false` for an all-zero list (an open block).
    function selectProver(uint256[] calldata weights, uint256 seed)
        external
        pure
        returns (bool selected, uint256 index)
    {
        return PoolMath.selectProver(weights, seed);
    }

    /// @notice `(F*(feeSmoothing-1) + R') / feeSmoothing`.
    function nextFeePerGas(uint256 feePerGas, uint256 effectiveReward, Config calldata config)
        external
        pure
        returns (uint256)
    {
        return PoolMath.nextFeePerGas(feePerGas, effectiveReward, config.feeSmoothing);
    }

    /// @notice `(avg*(delaySmoothing-1) + delay) / delaySmoothing` (unit-agnostic; the core uses ms).
    function nextAvgProofDelay(uint256 avg, uint256 delay, Config calldata config) external pure returns (uint256) {
        return PoolMath.nextAvgProofDelay(avg, delay, config.delaySmoothing);
    }

    /// @notice `clamp(avgMs*proofWindowMultiplier/1000, minProofWindow, maxProofWindow)` (seconds).
    function proofWindow(uint256 avgProofDelayMs, Config calldata config) external pure returns (uint256) {
        return PoolMath.proofWindow(
            avgProofDelayMs, config.proofWindowMultiplier, config.minProofWindow, config.maxProofWindow
        );
    }

    /// @notice `F * gasUsed`.
    function proposalFee(uint256 feePerGas, uint256 gasUsed) external pure returns (uint256) {
        return PoolMath.proposalFee(feePerGas, gasUsed);
    }

    /// @notice SPEC.md `proofReward`.
    /// @param rewardPerGas The block's R' snapshot (F for open blocks).
    /// @param gasUsed The block's gas.
    /// @param delay Proof time − proposal time (seconds).
    /// @param avgProofDelayMs The block's average-delay snapshot (milliseconds).
    /// @param assignedInWindow The assigned prover proves inside the window (else: open block or late).
    /// @param emergency Emergency mode is on when the proof lands.
    /// @param batched The proof covers two or more blocks.
    function proofReward(
        uint256 rewardPerGas,
        uint256 gasUsed,
        uint256 delay,
        uint256 avgProofDelayMs,
        bool assignedInWindow,
        bool emergency,
        bool batched,
        Config calldata config
    ) external pure returns (uint256 base, uint256 performanceBonus, uint256 stabilizationBonus, uint256 total) {
        return PoolMath.proofReward(
            PoolMath.RewardParams({
                rewardPerGas: rewardPerGas,
                gasUsed: gasUsed,
                delay: delay,
                avgProofDelayMs: avgProofDelayMs,
                assignedInWindow: assignedInWindow,
                stabilized: emergency || batched,
                openRewardBps: config.openRewardBps,
                perfBonusFastBps: config.perfBonusFastBps,
                perfBonusBps: config.perfBonusBps,
                stabilizationBonusBps: config.stabilizationBonusBps
            })
        );
    }

    /// @notice `min(stake, max(stake*slashBps/BPS, baseReward*minSlashRewardMultiple))`.
    function slashAmount(uint256 stake, uint256 baseReward, Config calldata config) external pure returns (uint256) {
        return PoolMath.slashAmount(stake, baseReward, config.slashBps, config.minSlashRewardMultiple);
    }

    /// @notice `(deposited - slashed) * BPS / deposited`, `BPS` when nothing was deposited.
    function healthBps(uint256 deposited, uint256 slashed) external pure returns (uint256) {
        return PoolMath.healthBps(deposited, slashed);
    }

    /// @notice Dynamic minimum stake at `backlog`.
    function minStake(uint256 backlog, Config calldata config) external pure returns (uint256) {
        return PoolMath.minStake(backlog, config.baseMinStake, config.targetBacklog);
    }

    /// @notice Dynamic minimum capacity at `backlog` (never below 1).
    function minCapacity(uint256 backlog, Config calldata config) external pure returns (uint256) {
        return PoolMath.minCapacity(backlog, config.baseMinCapacity, config.targetBacklog);
    }

    /// @notice Adaptive batch size at `backlog`.
    function batchSize(uint256 backlog, Config calldata config) external pure returns (uint256) {
        return PoolMath.batchSize(backlog, config.batchingBacklog, config.batchDivisor, config.maxBatchSize);
    }
}
