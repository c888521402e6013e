// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {BlockProtocol} from "./BlockProtocol.sol";
import {PoolMath} from "./PoolMath.sol";
import {MAX_SLOTS, PoolView, ProverView, StakerInfo} from "./PoolTypes.sol";

/// @title ProverPoolLens
/// @notice The pool in one `eth_call` for the dashboard. Stateless; works with any BlockProtocol.
/// Bounded: `getPool` reads the pool-wide state and the (at most 32) active provers, whatever the number
/// of stakers ever seen; `getStakers` pages through everyone who ever staked.
contract ProverPoolLens {
    /// @notice Config (in force and scheduled), F, average delay, backlog, open blocks, emergency and
    /// batching state, the dynamic minimums, the treasury and what it owes, and every active prover (slot
    /// order) with its exact weight.
    /// @param core The BlockProtocol address.
    /// @return v The pool.
    function getPool(address core) external view returns (PoolView memory v) {
        BlockProtocol p = BlockProtocol(core);
        v.config = p.config();
        v.configVersion = p.configVersion();
        (v.pendingConfig, v.pendingConfigAt) = p.pendingConfig();
        v.owner = p.owner();
        v.token = address(p.token());
        v.chainBlockNumber = block.number;
        v.chainTimestamp = block.timestamp;
        v.feePerGas = p.feePerGas();
        v.avgProofDelayMs = p.avgProofDelayMs();
        v.proofWindow = p.currentProofWindow();
        v.backlog = p.backlog();
        v.openBlocks = p.openBlocks();
        v.nextBlockId = p.nextBlockId();
        v.emergency = p.isEmergency();
        v.emergencyReason = p.emergencyReason();
        v.batchSize = p.currentBatchSize();
        v.minStake = p.currentMinStake();
        v.minCapacity = p.currentMinCapacity();
        v.totalStaked = p.totalStaked();
        v.totalQueued = p.totalQueued();
        v.treasury = p.treasury();
        v.totalOwed = p.totalOwed();
        v.exitsToday = p.exitsToday();
        v.stakerCount = p.stakerCount();

        address[MAX_SLOTS] memory owners = p.slotOwners();
        uint256[MAX_SLOTS] memory w = p.weights();
        uint256 active;
        for (uint256 i; i < MAX_SLOTS; ++i) {
            if (owners[i] != address(0)) ++active;
        }
        v.activeProvers = active;
        v.provers = new ProverView[](active);
        uint256 k;
        for (uint256 i; i < MAX_SLOTS; ++i) {
            if (owners[i] == address(0)) continue;
            v.provers[k++] = _row(p.getStaker(owners[i]), w[i]);
        }
    }

    /// @notice Up to `limit` stakers in first-stake order from `offset` (any status: active, exiting,
    /// evicted, or withdrawn), with the total count to page on. Weights are 0 here (see `getPool`).
    /// @param core The BlockProtocol address.
    /// @param offset Index of the first staker (0-based, first-stake order).
    /// @param limit Most rows returned (the caller bounds the response).
    /// @return rows The stakers.
    /// @return total How many addresses ever staked.
    function getStakers(address core, uint256 offset, uint256 limit)
        external
        view
        returns (ProverView[] memory rows, uint256 total)
    {
        BlockProtocol p = BlockProtocol(core);
        total = p.stakerCount();
        uint256 end = offset >= total ? offset : (total - offset > limit ? offset + limit : total);
        rows = new ProverView[](end - offset);
        for (uint256 i = offset; i < end; ++i) {
            rows[i - offset] = _row(p.getStaker(p.stakerAt(i)), 0);
        }
    }

    function _row(StakerInfo memory s, uint256 weight) private pure returns (ProverView memory r) {
        r.prover = s.prover;
        r.status = s.status;
        r.slot = s.slot;
        r.stake = s.stake;
        r.rewardPerGas = s.rewardPerGas;
        r.currentCapacity = s.currentCapacity;
        r.maxCapacity = s.maxCapacity;
        r.outstandingBlocks = s.outstandingBlocks;
        r.weight = weight;
        r.healthBps = PoolMath.healthBps(s.deposited, s.slashed);
        r.deposited = s.deposited;
        r.slashed = s.slashed;
        r.exitAmount = s.exitAmount;
        r.exitUnlocksAt = s.exitUnlocksAt;
        r.unclaimedRewards = s.rewards;
        r.owedRewards = s.owedRewards;
        r.lastRewardChangeAt = s.lastRewardChangeAt;
        r.lastCapacityChangeAt = s.lastCapacityChangeAt;
    }
}
