// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";

/// @title TaikoToken
/// @notice TKO for the local network and tests: ERC-20 with 18 decimals and ERC-2612 permit.
/// Only the owner (the deployer) can mint.
contract TaikoToken is ERC20, ERC20Permit, Ownable {
    /// @notice Deploys the token; the deployer becomes the owner.
    constructor() ERC20("Taiko Token", "TKO") ERC20Permit("Taiko Token") Ownable(msg.sender) {}

    /// @notice Mints `amount` TKO wei to `to`.
    /// @param to Receiver of the new tokens.
    /// @param amount Amount in wei.
    function mint(address to, uint256 amount) external onlyOwner {
        _mint(to, amount);
    }
}
