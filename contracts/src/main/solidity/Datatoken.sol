// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {ERC20Upgradeable} from "@openzeppelin/contracts-upgradeable/token/ERC20/ERC20Upgradeable.sol";
import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";

/**
 * @title Datatoken
 * @notice The access token of one dataset: holding one whole token (10**18 units) bought through
 * the purchase contract grants access to the dataset it belongs to.
 *
 * Every dataset gets its own datatoken as an EIP-1167 minimal proxy (OpenZeppelin `Clones`) of one
 * implementation, which is why this contract is initializable instead of constructed: a clone
 * costs a fraction of a full deployment.
 *
 * Only the dataset's owner contract (the {DataNFT} that cloned it) can mint.
 */
contract Datatoken is Initializable, ERC20Upgradeable {
    // Plain storage is safe here: clones are never upgraded, and ERC20Upgradeable keeps its own
    // state in an ERC-7201 namespace, so the two cannot overlap.
    address private _dataNft;
    uint256 private _datasetId;

    /// @dev `caller` is not the dataset's owner contract.
    error DatatokenUnauthorizedMinter(address caller);

    /// @dev Locks the implementation so that only clones can be initialized.
    constructor() {
        _disableInitializers();
    }

    /**
     * @notice Sets the token's name and symbol and binds it to its dataset.
     *
     * Requirements:
     * - can be called only once, on a clone (the implementation is locked).
     */
    function initialize(string calldata name_, string calldata symbol_, address dataNft_, uint256 datasetId_)
        external
        initializer
    {
        __ERC20_init(name_, symbol_);
        _dataNft = dataNft_;
        _datasetId = datasetId_;
    }

    /**
     * @notice Mints `amount` units to `to`.
     *
     * Requirements:
     * - the caller is the dataset's owner contract.
     *
     * Emits a {Transfer} event from the zero address.
     */
    function mint(address to, uint256 amount) external {
        if (msg.sender != _dataNft) {
            revert DatatokenUnauthorizedMinter(msg.sender);
        }
        _mint(to, amount);
    }

    /// @notice The DataNFT contract that owns this token and may mint it.
    function dataNft() external view returns (address) {
        return _dataNft;
    }

    /// @notice The DataNFT token id of the dataset this token grants access to.
    function datasetId() external view returns (uint256) {
        return _datasetId;
    }
}
