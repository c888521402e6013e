// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {BlockProtocol} from "./BlockProtocol.sol";
import {PoolMath} from "./PoolMath.sol";
import {MAX_SLOTS, PoolView, ProverView, StakerInfo, StakerStatus} from "./PoolTypes.sol";

/// @title ProverPoolLens
/// @notice The whole pool in one `eth_call` for the dashboard. Stateless; works with any BlockProtocol.
contract ProverPoolLens {
    /// @notice Reads config, F, average delay, backlog, open blocks, emergency and batching state, the
    /// dynamic minimums and every active, exiting and evicted prover (active first, in slot order;
    /// then the others in first-stake order).
    /// @param core The BlockProtocol address.
    /// @return v The pool.
    function getPool(address core) external view returns (PoolView memory v) {
        BlockProtocol p = BlockProtocol(core);
        v.config = p.config();
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
        v.treasury = p.treasury();
        v.exitsToday = p.exitsToday();

        address[MAX_SLOTS] memory owners = p.slotOwners();
        uint256[MAX_SLOTS] memory w = p.weights();
        uint256 active;
        for (uint256 i; i < MAX_SLOTS; ++i) {
            if (owners[i] != address(0)) ++active;
        }
        v.activeProvers = active;

        uint256 count = p.stakerCount();
        StakerInfo[] memory others = new StakerInfo[](count);
        uint256 nOthers;
        for (uint256 i; i < count; ++i) {
            StakerInfo memory info = p.getStaker(p.stakerAt(i));
            if (info.slot == 0 && (info.status == StakerStatus.Exiting || info.status == StakerStatus.Evicted)) {
                others[nOthers++] = info;
            }
        }

        v.provers = new ProverView[](active + nOthers);
        uint256 k;
        for (uint256 i; i < MAX_SLOTS; ++i) {
            if (owners[i] == address(0)) continue;
            v.provers[k++] = _row(p.getStaker(owners[i]), w[i]);
        }
        for (uint256 i; i < nOthers; ++i) {
            v.provers[k++] = _row(others[i], 0);
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
        r.weight = weight;
        r.healthBps = PoolMath.healthBps(s.deposited, s.slashed);
        r.deposited = s.deposited;
        r.slashed = s.slashed;
        r.exitAmount = s.exitAmount;
        r.exitUnlocksAt = s.exitUnlocksAt;
        r.unclaimedRewards = s.rewards;
        r.lastRewardChangeAt = s.lastRewardChangeAt;
        r.lastCapacityChangeAt = s.lastCapacityChangeAt;
    }
}
