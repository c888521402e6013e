// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {BlockProtocol} from "../BlockProtocol.sol";

/// @title SwarmStaker
/// @notice TEST ONLY: one staker of a swarm (its own address), funded by the swarm.
contract SwarmStaker {
    /// @notice Approves `core` and stakes everything this contract holds.
    function stake(BlockProtocol core, IERC20 token, uint256 rewardPerGas, uint256 capacity) external {
        uint256 amount = token.balanceOf(address(this));
        token.approve(address(core), amount);
        core.stake(amount, rewardPerGas, capacity);
    }
}

/// @title StakerSwarm
/// @notice TEST ONLY (benchmarks; never deployed by scripts/deploy): creates many stakers in few
/// transactions, so a benchmark can measure the lens with thousands of stakers ever seen. Each new
/// staker stakes a little more than the last, so once the active list is full every join evicts the
/// oldest (the lowest standing weight) into the exit queue.
contract StakerSwarm {
    /// @notice Stakers created so far.
    uint256 public created;

    /// @notice Creates `count` stakers; staker k stakes `baseStake + k` whole TKO at `rewardPerGas`, `capacity`.
    /// @dev Needs `count * (baseStake + created + count)` TKO wei held by this contract.
    function join(
        BlockProtocol core,
        IERC20 token,
        uint256 count,
        uint256 baseStake,
        uint256 rewardPerGas,
        uint256 capacity
    ) external {
        for (uint256 i; i < count; ++i) {
            SwarmStaker staker = new SwarmStaker();
            token.transfer(address(staker), baseStake + created * 1e18);
            staker.stake(core, token, rewardPerGas, capacity);
            ++created;
        }
    }
}
