// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";

/**
 * @title MockPaymentToken
 * @notice A stand-in stablecoin for local chains and tests: 18 decimals, ERC-2612 permits, minted
 * by its owner (the deployer, who funds the demo accounts). Never deploy it to a real network.
 */
contract MockPaymentToken is ERC20, ERC20Permit, Ownable {
    constructor(address owner_) ERC20("Datamint Test Dollar", "DMUSD") ERC20Permit("Datamint Test Dollar") Ownable(owner_) {}

    /**
     * @notice Mints `amount` to `to`.
     *
     * Requirements: the caller is the owner.
     *
     * Emits {Transfer} from the zero address.
     */
    function mint(address to, uint256 amount) external onlyOwner {
        _mint(to, amount);
    }
}
