// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";
import {MockPaymentToken} from "../../main/solidity/MockPaymentToken.sol";
import {RewardEscrow} from "../../main/solidity/RewardEscrow.sol";
import {TestBase, TestMerkle} from "./util/TestBase.sol";

contract RewardEscrowTest is TestBase {
    bytes32 private constant CAMPAIGN = keccak256("campaign-1");

    event RewardClaimed(
        bytes32 indexed campaignId, address indexed labeler, uint256 amount, uint256 cumulativeAmount, address relayer
    );

    address private admin = address(0xA11CE);
    address private validator = address(0x7A1);
    address private funder = address(0xF00D);
    address private relayer = address(0x4E1A);
    address private alice = address(0xA1);
    address private bob = address(0xB2);
    address private carol = address(0xC3);
    MockPaymentToken private usd;
    RewardEscrow private escrow;

    function setUp() public {
        usd = new MockPaymentToken(address(this));
        escrow = new RewardEscrow(admin, usd);
        vm.startPrank(admin);
        escrow.grantRole(escrow.VALIDATOR_ROLE(), validator);
        escrow.grantRole(escrow.PAUSER_ROLE(), admin);
        vm.stopPrank();
        usd.mint(funder, 1_000e18);
        vm.prank(funder);
        usd.approve(address(escrow), type(uint256).max);
        vm.prank(funder);
        escrow.openCampaign(CAMPAIGN, 100e18, uint64(block.timestamp + 30 days));
    }

    function _tree(uint256 aliceAmount, uint256 bobAmount, uint256 carolAmount)
        private
        view
        returns (bytes32[] memory leaves)
    {
        leaves = new bytes32[](3);
        leaves[0] = TestMerkle.leaf(alice, aliceAmount);
        leaves[1] = TestMerkle.leaf(bob, bobAmount);
        leaves[2] = TestMerkle.leaf(carol, carolAmount);
    }

    function _post(bytes32[] memory leaves, uint256 total) private {
        vm.prank(validator);
        escrow.postSettlement(CAMPAIGN, TestMerkle.root(leaves), total);
    }

    function test_theBudgetIsHeldFromTheStart() public view {
        vm.assertEq(usd.balanceOf(address(escrow)), 100e18, "escrow holds the budget");
        vm.assertEq(escrow.campaignOf(CAMPAIGN).deposited, 100e18, "recorded");
        vm.assertEq(escrow.campaignOf(CAMPAIGN).funder, funder, "funder");
    }

    function test_aCampaignIdCannotBeReused() public {
        vm.expectRevert(abi.encodeWithSelector(RewardEscrow.RewardEscrowCampaignExists.selector, CAMPAIGN));
        vm.prank(funder);
        escrow.openCampaign(CAMPAIGN, 1e18, uint64(block.timestamp + 1));
    }

    function test_aLabelerClaimsWhatTheRootEntitles() public {
        bytes32[] memory leaves = _tree(10e18, 20e18, 5e18);
        _post(leaves, 35e18);

        vm.prank(alice);
        uint256 paid = escrow.claim(CAMPAIGN, alice, 10e18, TestMerkle.proof(leaves, 0));

        vm.assertEq(paid, 10e18, "returned amount");
        vm.assertEq(usd.balanceOf(alice), 10e18, "alice paid");
        vm.assertEq(escrow.claimed(CAMPAIGN, alice), 10e18, "recorded as claimed");
    }

    function test_thePlatformRelaysAClaimAndTheLabelerGetsTheMoney() public {
        bytes32[] memory leaves = _tree(10e18, 20e18, 5e18);
        _post(leaves, 35e18);

        vm.expectEmit(address(escrow));
        emit RewardClaimed(CAMPAIGN, bob, 20e18, 20e18, relayer);
        vm.prank(relayer);
        escrow.claim(CAMPAIGN, bob, 20e18, TestMerkle.proof(leaves, 1));

        vm.assertEq(usd.balanceOf(bob), 20e18, "bob paid");
        vm.assertEq(usd.balanceOf(relayer), 0, "relayer gets nothing");
    }

    function test_aClaimIsNeverPaidTwice() public {
        bytes32[] memory leaves = _tree(10e18, 20e18, 5e18);
        _post(leaves, 35e18);
        bytes32[] memory proof = TestMerkle.proof(leaves, 0);
        escrow.claim(CAMPAIGN, alice, 10e18, proof);

        vm.expectRevert(
            abi.encodeWithSelector(RewardEscrow.RewardEscrowNothingToClaim.selector, CAMPAIGN, alice, 10e18)
        );
        escrow.claim(CAMPAIGN, alice, 10e18, proof);
        vm.assertEq(usd.balanceOf(alice), 10e18, "paid once");
    }

    function test_aLaterEpochPaysOnlyTheIncrease() public {
        bytes32[] memory first = _tree(10e18, 20e18, 5e18);
        _post(first, 35e18);
        escrow.claim(CAMPAIGN, alice, 10e18, TestMerkle.proof(first, 0));

        bytes32[] memory second = _tree(25e18, 20e18, 5e18);
        _post(second, 50e18);
        uint256 paid = escrow.claim(CAMPAIGN, alice, 25e18, TestMerkle.proof(second, 0));

        vm.assertEq(paid, 15e18, "only the increase");
        vm.assertEq(usd.balanceOf(alice), 25e18, "cumulative total");
        vm.assertEq(escrow.campaignOf(CAMPAIGN).epoch, 2, "two epochs");
    }

    function test_aProofForAnotherAmountOrLabelerIsRejected() public {
        bytes32[] memory leaves = _tree(10e18, 20e18, 5e18);
        _post(leaves, 35e18);
        bytes32[] memory proof = TestMerkle.proof(leaves, 0);

        vm.expectRevert(
            abi.encodeWithSelector(RewardEscrow.RewardEscrowInvalidProof.selector, CAMPAIGN, alice, 11e18)
        );
        escrow.claim(CAMPAIGN, alice, 11e18, proof);

        vm.expectRevert(abi.encodeWithSelector(RewardEscrow.RewardEscrowInvalidProof.selector, CAMPAIGN, bob, 10e18));
        escrow.claim(CAMPAIGN, bob, 10e18, proof);
    }

    function test_aRootPromisingMoreThanTheBudgetIsRejected() public {
        bytes32[] memory leaves = _tree(60e18, 50e18, 0);
        vm.expectRevert(
            abi.encodeWithSelector(
                RewardEscrow.RewardEscrowInvalidEntitlement.selector, CAMPAIGN, 110e18, 0, 100e18
            )
        );
        vm.prank(validator);
        escrow.postSettlement(CAMPAIGN, TestMerkle.root(leaves), 110e18);
    }

    function test_entitlementsNeverShrink() public {
        _post(_tree(10e18, 20e18, 5e18), 35e18);
        bytes32 root = TestMerkle.root(_tree(10e18, 10e18, 5e18));
        vm.expectRevert(
            abi.encodeWithSelector(
                RewardEscrow.RewardEscrowInvalidEntitlement.selector, CAMPAIGN, 25e18, 35e18, 100e18
            )
        );
        vm.prank(validator);
        escrow.postSettlement(CAMPAIGN, root, 25e18);
    }

    function test_aTreeWhoseLeavesExceedTheBudgetCannotDrainOtherCampaigns() public {
        bytes32 other = keccak256("campaign-2");
        vm.prank(funder);
        escrow.openCampaign(other, 500e18, uint64(block.timestamp + 1 days));
        // A faulty tree: declares 90 but its leaves promise 150.
        bytes32[] memory leaves = _tree(80e18, 70e18, 0);
        _post(leaves, 90e18);
        escrow.claim(CAMPAIGN, alice, 80e18, TestMerkle.proof(leaves, 0));

        vm.expectRevert(
            abi.encodeWithSelector(
                RewardEscrow.RewardEscrowInvalidEntitlement.selector, CAMPAIGN, 150e18, 0, 100e18
            )
        );
        escrow.claim(CAMPAIGN, bob, 70e18, TestMerkle.proof(leaves, 1));
        vm.assertEq(usd.balanceOf(address(escrow)), 520e18, "the other campaign's budget is intact");
    }

    function test_onlyTheValidatorPostsRoots() public {
        bytes32 role = escrow.VALIDATOR_ROLE();
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, funder, role)
        );
        vm.prank(funder);
        escrow.postSettlement(CAMPAIGN, bytes32(uint256(1)), 1);
    }

    function test_theUnspentBudgetGoesBackAfterTheEndAndEntitlementsStayClaimable() public {
        bytes32[] memory leaves = _tree(10e18, 20e18, 5e18);
        _post(leaves, 35e18);
        escrow.claim(CAMPAIGN, alice, 10e18, TestMerkle.proof(leaves, 0));

        vm.expectRevert(
            abi.encodeWithSelector(
                RewardEscrow.RewardEscrowCampaignNotEnded.selector, CAMPAIGN, uint64(block.timestamp + 30 days)
            )
        );
        vm.prank(funder);
        escrow.closeCampaign(CAMPAIGN);

        vm.warp(block.timestamp + 30 days);
        vm.prank(funder);
        uint256 refund = escrow.closeCampaign(CAMPAIGN);
        vm.assertEq(refund, 65e18, "deposit minus entitlements");
        vm.assertEq(usd.balanceOf(funder), 965e18, "funder refunded");

        escrow.claim(CAMPAIGN, bob, 20e18, TestMerkle.proof(leaves, 1));
        escrow.claim(CAMPAIGN, carol, 5e18, TestMerkle.proof(leaves, 2));
        vm.assertEq(usd.balanceOf(address(escrow)), 0, "everything paid out, nothing more");

        vm.expectRevert(abi.encodeWithSelector(RewardEscrow.RewardEscrowCampaignClosed.selector, CAMPAIGN));
        vm.prank(validator);
        escrow.postSettlement(CAMPAIGN, bytes32(uint256(1)), 35e18);
    }

    function test_onlyTheFunderOrAnAdminCloses() public {
        vm.warp(block.timestamp + 30 days);
        vm.expectRevert(abi.encodeWithSelector(RewardEscrow.RewardEscrowUnauthorized.selector, CAMPAIGN, alice));
        vm.prank(alice);
        escrow.closeCampaign(CAMPAIGN);
    }

    function test_pausingStopsClaims() public {
        bytes32[] memory leaves = _tree(10e18, 20e18, 5e18);
        _post(leaves, 35e18);
        vm.prank(admin);
        escrow.pause();
        bytes32[] memory proof = TestMerkle.proof(leaves, 0);

        vm.expectRevert(Pausable.EnforcedPause.selector);
        escrow.claim(CAMPAIGN, alice, 10e18, proof);

        vm.prank(admin);
        escrow.unpause();
        escrow.claim(CAMPAIGN, alice, 10e18, proof);
        vm.assertEq(usd.balanceOf(alice), 10e18, "paid after unpause");
    }

    function test_topUpsGrowTheBudget() public {
        vm.prank(funder);
        escrow.deposit(CAMPAIGN, 50e18);
        vm.assertEq(escrow.campaignOf(CAMPAIGN).deposited, 150e18, "budget grew");
    }

    /// @dev Any set of labelers and cumulative amounts within the budget: every labeler can claim
    /// exactly their amount once, with a proof from a tree of that size, and the sum paid is the
    /// tree's total.
    function testFuzz_everyLabelerClaimsExactlyTheirEntitlementOnce(uint256 seed, uint8 size) public {
        uint256 n = _bound(size, 1, 40);
        bytes32 id = keccak256(abi.encode("fuzz", seed));
        uint256[] memory amounts = new uint256[](n);
        bytes32[] memory leaves = new bytes32[](n);
        uint256 total;
        for (uint256 i = 0; i < n; i++) {
            amounts[i] = _bound(uint256(keccak256(abi.encode(seed, i))), 1, 1e24);
            total += amounts[i];
            leaves[i] = TestMerkle.leaf(_labeler(i), amounts[i]);
        }
        usd.mint(funder, total);
        vm.prank(funder);
        escrow.openCampaign(id, total, uint64(block.timestamp + 1));
        vm.prank(validator);
        escrow.postSettlement(id, TestMerkle.root(leaves), total);

        uint256 paid;
        for (uint256 i = 0; i < n; i++) {
            bytes32[] memory proof = TestMerkle.proof(leaves, i);
            paid += escrow.claim(id, _labeler(i), amounts[i], proof);
            vm.assertEq(usd.balanceOf(_labeler(i)), amounts[i], "labeler got their amount");
            vm.expectRevert(
                abi.encodeWithSelector(
                    RewardEscrow.RewardEscrowNothingToClaim.selector, id, _labeler(i), amounts[i]
                )
            );
            escrow.claim(id, _labeler(i), amounts[i], proof);
        }
        vm.assertEq(paid, total, "the tree's total was paid");
        vm.assertEq(escrow.campaignOf(id).paid, total, "recorded");
    }

    /// @dev A proof never works for an amount other than the one in the leaf.
    function testFuzz_aProofIsBoundToItsAmount(uint256 amount, uint256 claimedAmount) public {
        amount = _bound(amount, 1, 30e18);
        claimedAmount = _bound(claimedAmount, 1, 100e18);
        vm.assume(claimedAmount != amount);
        bytes32[] memory leaves = _tree(amount, 1e18, 1e18);
        _post(leaves, amount + 2e18);
        bytes32[] memory proof = TestMerkle.proof(leaves, 0);
        vm.expectRevert(
            abi.encodeWithSelector(RewardEscrow.RewardEscrowInvalidProof.selector, CAMPAIGN, alice, claimedAmount)
        );
        escrow.claim(CAMPAIGN, alice, claimedAmount, proof);
    }

    function _labeler(uint256 i) private pure returns (address) {
        return address(uint160(0x10000 + i));
    }
}
