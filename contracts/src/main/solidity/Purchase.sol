// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {DataNFT} from "./DataNFT.sol";

/**
 * @title Purchase
 * @notice Sells access to datasets at a fixed price in one payment ERC-20. A purchase is one
 * transaction for the buyer: the price is split between the contributor (the dataset token's
 * owner), the labelers' royalty pool and the platform, one datatoken is minted to the buyer, and
 * {OrderStarted} records the order for the backend to verify. With {buyWithPermit} the buyer signs
 * an ERC-2612 permit instead of sending an approval first.
 *
 * The split is in basis points with the platform's and the pool's shares capped on chain, so no
 * admin key can raise them past what buyers and contributors were promised.
 */
contract Purchase is AccessControl, ReentrancyGuard {
    using SafeERC20 for IERC20;

    /// @notice May change the fee split (within the caps) and the fee recipients.
    bytes32 public constant FEE_MANAGER_ROLE = keccak256("FEE_MANAGER_ROLE");
    /// @notice May set prices on behalf of contributors (the platform).
    bytes32 public constant PRICE_SETTER_ROLE = keccak256("PRICE_SETTER_ROLE");

    uint16 public constant BPS_DENOMINATOR = 10_000;
    /// @notice The platform never takes more than 10 %.
    uint16 public constant MAX_PLATFORM_BPS = 1_000;
    /// @notice The labelers' pool never takes more than 30 %.
    uint16 public constant MAX_POOL_BPS = 3_000;
    /// @notice One whole datatoken (18 decimals) grants access.
    uint256 public constant ACCESS_AMOUNT = 1e18;

    IERC20 private immutable _paymentToken;
    DataNFT private immutable _dataNft;
    address private _platform;
    address private _royaltyPool;
    uint16 private _platformBps;
    uint16 private _poolBps;
    uint256 private _orderCount;
    mapping(uint256 datasetId => uint256) private _prices;

    /// @dev A share is above its cap.
    error PurchaseFeeTooHigh(uint16 platformBps, uint16 poolBps);
    /// @dev A fee recipient is the zero address.
    error PurchaseInvalidRecipient();
    /// @dev The dataset has no price, so it is not for sale.
    error PurchaseNotForSale(uint256 datasetId);
    /// @dev The price is above what the buyer agreed to pay (it changed after the buyer looked).
    error PurchasePriceAboveMaximum(uint256 price, uint256 maxPrice);
    /// @dev `caller` may not set the price of `datasetId`.
    error PurchaseUnauthorizedPriceSetter(uint256 datasetId, address caller);

    /// @notice An order was paid: the backend grants access after verifying this event.
    event OrderStarted(
        uint256 indexed orderId,
        uint256 indexed datasetId,
        address indexed buyer,
        address datatoken,
        uint256 price,
        uint256 contributorAmount,
        uint256 poolAmount,
        uint256 platformAmount
    );
    /// @notice The price of a dataset was set; zero takes it off sale.
    event PriceSet(uint256 indexed datasetId, uint256 price);
    /// @notice The fee split or its recipients changed.
    event FeesChanged(uint16 platformBps, uint16 poolBps, address platform, address royaltyPool);

    constructor(
        address admin,
        IERC20 paymentToken_,
        DataNFT dataNft_,
        address platform_,
        address royaltyPool_,
        uint16 platformBps_,
        uint16 poolBps_
    ) {
        _paymentToken = paymentToken_;
        _dataNft = dataNft_;
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _setFees(platformBps_, poolBps_, platform_, royaltyPool_);
    }

    /**
     * @notice Buys access to `datasetId` with a prior approval of the payment token.
     *
     * Requirements:
     * - the dataset is listed and has a price of at most `maxPrice`;
     * - the caller approved at least the price to this contract and holds it.
     *
     * Emits {OrderStarted}.
     */
    function buy(uint256 datasetId, uint256 maxPrice) external nonReentrant returns (uint256 orderId) {
        return _buy(datasetId, maxPrice);
    }

    /**
     * @notice Buys access in one transaction, approving the payment with an ERC-2612 permit.
     *
     * A permit that was already used (someone front-ran it from the mempool) is not an error as
     * long as the allowance it set is there: the permit call is tried and its failure ignored.
     *
     * Requirements: as {buy}; the permit's value covers the price.
     *
     * Emits {OrderStarted}.
     */
    function buyWithPermit(uint256 datasetId, uint256 maxPrice, uint256 deadline, uint8 v, bytes32 r, bytes32 s)
        external
        nonReentrant
        returns (uint256 orderId)
    {
        try IERC20Permit(address(_paymentToken)).permit(msg.sender, address(this), maxPrice, deadline, v, r, s) {}
            catch {}
        return _buy(datasetId, maxPrice);
    }

    /**
     * @notice Sets the price of a dataset in payment token units; zero takes it off sale.
     *
     * Requirements: the caller owns the dataset token or has {PRICE_SETTER_ROLE}.
     *
     * Emits {PriceSet}.
     */
    function setPrice(uint256 datasetId, uint256 price) external {
        if (_dataNft.ownerOf(datasetId) != msg.sender && !hasRole(PRICE_SETTER_ROLE, msg.sender)) {
            revert PurchaseUnauthorizedPriceSetter(datasetId, msg.sender);
        }
        _prices[datasetId] = price;
        emit PriceSet(datasetId, price);
    }

    /**
     * @notice Changes the split and its recipients, within the caps.
     *
     * Requirements: the caller has {FEE_MANAGER_ROLE}; see {PurchaseFeeTooHigh}.
     *
     * Emits {FeesChanged}.
     */
    function setFees(uint16 platformBps_, uint16 poolBps_, address platform_, address royaltyPool_)
        external
        onlyRole(FEE_MANAGER_ROLE)
    {
        _setFees(platformBps_, poolBps_, platform_, royaltyPool_);
    }

    /**
     * @notice How `price` is split now. The contributor gets the rest after rounding the other
     * shares down, so the three parts always add up to the price exactly.
     */
    function quote(uint256 price)
        public
        view
        returns (uint256 contributorAmount, uint256 poolAmount, uint256 platformAmount)
    {
        // Cannot overflow for any price below 2**256 / 10_000, i.e. any amount of a real token;
        // checked arithmetic still guards the absurd rest.
        poolAmount = (price * _poolBps) / BPS_DENOMINATOR;
        platformAmount = (price * _platformBps) / BPS_DENOMINATOR;
        // Both shares are rounded-down fractions whose bps add up to at most 40 %: never above price.
        unchecked {
            contributorAmount = price - poolAmount - platformAmount;
        }
    }

    function priceOf(uint256 datasetId) external view returns (uint256) {
        return _prices[datasetId];
    }

    function fees() external view returns (uint16 platformBps, uint16 poolBps, address platform, address royaltyPool) {
        return (_platformBps, _poolBps, _platform, _royaltyPool);
    }

    function paymentToken() external view returns (IERC20) {
        return _paymentToken;
    }

    function dataNft() external view returns (DataNFT) {
        return _dataNft;
    }

    function orderCount() external view returns (uint256) {
        return _orderCount;
    }

    function _buy(uint256 datasetId, uint256 maxPrice) private returns (uint256 orderId) {
        uint256 price = _prices[datasetId];
        if (price == 0) {
            revert PurchaseNotForSale(datasetId);
        }
        if (price > maxPrice) {
            revert PurchasePriceAboveMaximum(price, maxPrice);
        }
        address contributor = _dataNft.ownerOf(datasetId);
        (uint256 contributorAmount, uint256 poolAmount, uint256 platformAmount) = quote(price);
        orderId = ++_orderCount;

        // DataNFT refuses to mint for an unlisted or revoked dataset, which stops the sale.
        _dataNft.mintDatatoken(datasetId, msg.sender, ACCESS_AMOUNT);
        _paymentToken.safeTransferFrom(msg.sender, contributor, contributorAmount);
        if (poolAmount != 0) {
            _paymentToken.safeTransferFrom(msg.sender, _royaltyPool, poolAmount);
        }
        if (platformAmount != 0) {
            _paymentToken.safeTransferFrom(msg.sender, _platform, platformAmount);
        }
        emit OrderStarted(
            orderId,
            datasetId,
            msg.sender,
            _dataNft.datatokenOf(datasetId),
            price,
            contributorAmount,
            poolAmount,
            platformAmount
        );
    }

    function _setFees(uint16 platformBps_, uint16 poolBps_, address platform_, address royaltyPool_) private {
        if (platformBps_ > MAX_PLATFORM_BPS || poolBps_ > MAX_POOL_BPS) {
            revert PurchaseFeeTooHigh(platformBps_, poolBps_);
        }
        if (platform_ == address(0) || royaltyPool_ == address(0)) {
            revert PurchaseInvalidRecipient();
        }
        _platformBps = platformBps_;
        _poolBps = poolBps_;
        _platform = platform_;
        _royaltyPool = royaltyPool_;
        emit FeesChanged(platformBps_, poolBps_, platform_, royaltyPool_);
    }
}
