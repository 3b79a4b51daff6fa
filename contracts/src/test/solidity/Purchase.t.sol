// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {DataNFT} from "../../main/solidity/DataNFT.sol";
import {Datatoken} from "../../main/solidity/Datatoken.sol";
import {MockPaymentToken} from "../../main/solidity/MockPaymentToken.sol";
import {Purchase} from "../../main/solidity/Purchase.sol";
import {TestBase} from "./util/TestBase.sol";

contract PurchaseTest is TestBase {
    bytes32 private constant PERMIT_TYPEHASH =
        keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)");

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

    address private admin = address(0xA11CE);
    address private platform = address(0xB0B);
    address private pool = address(0x9001);
    address private contributor = address(0xC0FFEE);
    uint256 private buyerKey = 0xB0E;
    address private buyer;
    MockPaymentToken private usd;
    DataNFT private nft;
    Purchase private purchase;
    uint256 private datasetId;
    address private datatoken;

    function setUp() public {
        buyer = vm.addr(buyerKey);
        usd = new MockPaymentToken(address(this));
        nft = new DataNFT(admin);
        purchase = new Purchase(admin, usd, nft, platform, pool, 500, 2_000);
        vm.startPrank(admin);
        nft.grantRole(nft.PUBLISHER_ROLE(), platform);
        nft.grantRole(nft.MINTER_ROLE(), address(purchase));
        purchase.grantRole(purchase.FEE_MANAGER_ROLE(), admin);
        vm.stopPrank();
        vm.prank(platform);
        (datasetId, datatoken) = nft.mintDataset(
            DataNFT.MintRequest(contributor, "bafymeta", "bafycontent", bytes32(0), "CC0-1.0", 500, "Access", "DT")
        );
        vm.prank(contributor);
        purchase.setPrice(datasetId, 100e18);
        usd.mint(buyer, 1_000e18);
    }

    function test_buyingSplitsThePriceAndGivesTheBuyerADatatoken() public {
        vm.prank(buyer);
        usd.approve(address(purchase), 100e18);

        vm.expectEmit(address(purchase));
        emit OrderStarted(1, datasetId, buyer, datatoken, 100e18, 75e18, 20e18, 5e18);
        vm.prank(buyer);
        uint256 orderId = purchase.buy(datasetId, 100e18);

        vm.assertEq(orderId, 1, "order id");
        vm.assertEq(usd.balanceOf(contributor), 75e18, "contributor share");
        vm.assertEq(usd.balanceOf(pool), 20e18, "labelers' pool share");
        vm.assertEq(usd.balanceOf(platform), 5e18, "platform share");
        vm.assertEq(usd.balanceOf(buyer), 900e18, "buyer paid the price");
        vm.assertEq(Datatoken(datatoken).balanceOf(buyer), 1e18, "one datatoken for access");
    }

    function test_buyingWithAPermitNeedsNoPriorApproval() public {
        (uint8 v, bytes32 r, bytes32 s) = _permit(100e18, block.timestamp + 1 hours);
        vm.prank(buyer);
        purchase.buyWithPermit(datasetId, 100e18, block.timestamp + 1 hours, v, r, s);

        vm.assertEq(usd.balanceOf(contributor), 75e18, "paid in one transaction");
        vm.assertEq(Datatoken(datatoken).balanceOf(buyer), 1e18, "access granted");
    }

    function test_aFrontRunPermitDoesNotBlockThePurchase() public {
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _permit(100e18, deadline);
        // Someone copies the permit from the mempool and submits it first.
        usd.permit(buyer, address(purchase), 100e18, deadline, v, r, s);

        vm.prank(buyer);
        purchase.buyWithPermit(datasetId, 100e18, deadline, v, r, s);
        vm.assertEq(Datatoken(datatoken).balanceOf(buyer), 1e18, "bought anyway");
    }

    function test_aPriceRaisedAfterTheBuyerLookedIsRejected() public {
        vm.prank(contributor);
        purchase.setPrice(datasetId, 150e18);
        vm.prank(buyer);
        usd.approve(address(purchase), type(uint256).max);

        vm.expectRevert(abi.encodeWithSelector(Purchase.PurchasePriceAboveMaximum.selector, 150e18, 100e18));
        vm.prank(buyer);
        purchase.buy(datasetId, 100e18);
    }

    function test_aDatasetWithoutPriceIsNotForSale() public {
        vm.prank(contributor);
        purchase.setPrice(datasetId, 0);
        vm.expectRevert(abi.encodeWithSelector(Purchase.PurchaseNotForSale.selector, datasetId));
        vm.prank(buyer);
        purchase.buy(datasetId, 100e18);
    }

    function test_anUnlistedDatasetCannotBeBought() public {
        bytes32 moderatorRole = nft.MODERATOR_ROLE();
        vm.prank(admin);
        nft.grantRole(moderatorRole, admin);
        vm.prank(admin);
        nft.unlist(datasetId, "under review");
        vm.prank(buyer);
        usd.approve(address(purchase), 100e18);

        vm.expectRevert(
            abi.encodeWithSelector(DataNFT.DataNFTInvalidStatus.selector, datasetId, DataNFT.ListingStatus.Unlisted)
        );
        vm.prank(buyer);
        purchase.buy(datasetId, 100e18);
    }

    function test_aBuyerWithoutEnoughTokensIsRejected() public {
        address poor = address(0x9999);
        vm.prank(poor);
        usd.approve(address(purchase), 100e18);
        vm.expectRevert(abi.encodeWithSelector(IERC20Errors.ERC20InsufficientBalance.selector, poor, 0, 75e18));
        vm.prank(poor);
        purchase.buy(datasetId, 100e18);
    }

    function test_onlyTheOwnerOrThePlatformSetsThePrice() public {
        vm.expectRevert(
            abi.encodeWithSelector(Purchase.PurchaseUnauthorizedPriceSetter.selector, datasetId, buyer)
        );
        vm.prank(buyer);
        purchase.setPrice(datasetId, 1);
    }

    function test_feesAboveTheOnChainCapsAreRejected() public {
        vm.expectRevert(abi.encodeWithSelector(Purchase.PurchaseFeeTooHigh.selector, uint16(1_001), uint16(0)));
        vm.prank(admin);
        purchase.setFees(1_001, 0, platform, pool);

        vm.expectRevert(abi.encodeWithSelector(Purchase.PurchaseFeeTooHigh.selector, uint16(0), uint16(3_001)));
        vm.prank(admin);
        purchase.setFees(0, 3_001, platform, pool);

        vm.expectRevert(Purchase.PurchaseInvalidRecipient.selector);
        vm.prank(admin);
        purchase.setFees(0, 0, address(0), pool);
    }

    /// @dev For any price and any split within the caps the three shares add up to the price,
    /// each share is its rounded-down fraction and the contributor keeps at least 60 %.
    function testFuzz_splitAddsUpToThePriceExactly(uint256 price, uint16 platformBps, uint16 poolBps) public {
        price = _bound(price, 0, type(uint256).max / 10_000);
        platformBps = uint16(_bound(platformBps, 0, purchase.MAX_PLATFORM_BPS()));
        poolBps = uint16(_bound(poolBps, 0, purchase.MAX_POOL_BPS()));
        vm.prank(admin);
        purchase.setFees(platformBps, poolBps, platform, pool);

        (uint256 toContributor, uint256 toPool, uint256 toPlatform) = purchase.quote(price);

        vm.assertEq(toContributor + toPool + toPlatform, price, "shares add up to the price");
        vm.assertEq(toPool, price * poolBps / 10_000, "pool share");
        vm.assertEq(toPlatform, price * platformBps / 10_000, "platform share");
        vm.assertGe(toContributor * 10_000, price * 6_000, "contributor keeps at least 60 %");
    }

    /// @dev The same property through real transfers: nothing is created or lost in a purchase.
    function testFuzz_aPurchaseMovesExactlyThePrice(uint256 price, uint16 platformBps, uint16 poolBps) public {
        price = _bound(price, 1, 1e30);
        platformBps = uint16(_bound(platformBps, 0, 1_000));
        poolBps = uint16(_bound(poolBps, 0, 3_000));
        vm.prank(admin);
        purchase.setFees(platformBps, poolBps, platform, pool);
        vm.prank(contributor);
        purchase.setPrice(datasetId, price);
        usd.mint(buyer, price);
        uint256 before = usd.balanceOf(buyer);
        vm.prank(buyer);
        usd.approve(address(purchase), price);

        vm.prank(buyer);
        purchase.buy(datasetId, price);

        vm.assertEq(before - usd.balanceOf(buyer), price, "buyer paid the price");
        vm.assertEq(
            usd.balanceOf(contributor) + usd.balanceOf(pool) + usd.balanceOf(platform), price, "recipients got it all"
        );
        vm.assertEq(usd.balanceOf(address(purchase)), 0, "nothing stuck in the contract");
    }

    function _permit(uint256 value, uint256 deadline) private view returns (uint8, bytes32, bytes32) {
        bytes32 structHash =
            keccak256(abi.encode(PERMIT_TYPEHASH, buyer, address(purchase), value, usd.nonces(buyer), deadline));
        bytes32 digest = keccak256(abi.encodePacked("\x19\x01", usd.DOMAIN_SEPARATOR(), structHash));
        return vm.sign(buyerKey, digest);
    }
}
