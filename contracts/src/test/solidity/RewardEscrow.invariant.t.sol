// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {MockPaymentToken} from "../../main/solidity/MockPaymentToken.sol";
import {RewardEscrow} from "../../main/solidity/RewardEscrow.sol";
import {TestBase, TestMerkle, Vm} from "./util/TestBase.sol";

/// @dev Drives the escrow with random sequences of campaigns, deposits, settlements (some of them
/// faulty: leaves that add up to more than the declared total), claims, stale claims and
/// closings, and keeps ghost books of what went in and out.
contract EscrowHandler {
    Vm private constant vm = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));
    uint256 internal constant CAMPAIGNS = 3;
    uint256 internal constant LABELERS = 5;

    RewardEscrow public immutable escrow;
    MockPaymentToken public immutable usd;
    address public immutable validator;

    mapping(uint256 => bool) public opened;
    mapping(uint256 => uint256) public ghostDeposited;
    mapping(uint256 => uint256) public ghostPaidOut;
    mapping(uint256 => mapping(uint256 => uint256)) public ghostReceived;
    mapping(uint256 => mapping(uint256 => uint256)) public ghostMaxEntitlement;
    mapping(uint256 => uint256[LABELERS]) private _current;
    mapping(uint256 => bytes32[]) private _leaves;
    mapping(uint256 => bytes32[]) private _previousLeaves;
    mapping(uint256 => uint256[LABELERS]) private _previous;
    uint256 public claims;

    constructor(RewardEscrow escrow_, MockPaymentToken usd_, address validator_) {
        escrow = escrow_;
        usd = usd_;
        validator = validator_;
    }

    function campaignId(uint256 i) public pure returns (bytes32) {
        return keccak256(abi.encode("invariant-campaign", i));
    }

    function funder(uint256 i) public pure returns (address) {
        return address(uint160(0xF0000 + i));
    }

    function labeler(uint256 i) public pure returns (address) {
        return address(uint160(0x1AB000 + i));
    }

    function open(uint256 i, uint256 amount) external {
        i %= CAMPAIGNS;
        if (opened[i]) return;
        amount = 1 + amount % 1e24;
        usd.mint(funder(i), amount);
        vm.startPrank(funder(i));
        usd.approve(address(escrow), amount);
        escrow.openCampaign(campaignId(i), amount, uint64(block.timestamp + 7 days));
        vm.stopPrank();
        opened[i] = true;
        ghostDeposited[i] += amount;
    }

    function deposit(uint256 i, uint256 amount) external {
        i %= CAMPAIGNS;
        amount = 1 + amount % 1e22;
        usd.mint(address(this), amount);
        usd.approve(address(escrow), amount);
        escrow.deposit(campaignId(i), amount);
        ghostDeposited[i] += amount;
    }

    function settle(uint256 i, uint256 seed, bool faulty) external {
        i %= CAMPAIGNS;
        RewardEscrow.Campaign memory c = escrow.campaignOf(campaignId(i));
        uint256 room = c.deposited - c.entitled;
        uint256[LABELERS] memory next = _current[i];
        uint256 total;
        for (uint256 l = 0; l < LABELERS; l++) {
            next[l] += uint256(keccak256(abi.encode(seed, l))) % (room / LABELERS + 1);
            total += next[l];
        }
        // A faulty validator declares less than its leaves promise; the escrow must still hold.
        uint256 declared = faulty ? total / 2 : total;
        bytes32[] memory leaves = new bytes32[](LABELERS);
        for (uint256 l = 0; l < LABELERS; l++) {
            leaves[l] = TestMerkle.leaf(labeler(l), next[l]);
        }
        vm.prank(validator);
        escrow.postSettlement(campaignId(i), TestMerkle.root(leaves), declared);
        _previous[i] = _current[i];
        _previousLeaves[i] = _leaves[i];
        _current[i] = next;
        _leaves[i] = leaves;
        for (uint256 l = 0; l < LABELERS; l++) {
            if (next[l] > ghostMaxEntitlement[i][l]) ghostMaxEntitlement[i][l] = next[l];
        }
    }

    function claim(uint256 i, uint256 l) external {
        i %= CAMPAIGNS;
        l %= LABELERS;
        if (_leaves[i].length == 0) return;
        _claim(i, l, _current[i][l], TestMerkle.proof(_leaves[i], l));
    }

    /// @dev Replays a proof from the previous epoch, which must never pay anything extra.
    function claimStale(uint256 i, uint256 l) external {
        i %= CAMPAIGNS;
        l %= LABELERS;
        if (_previousLeaves[i].length == 0) return;
        _claim(i, l, _previous[i][l], TestMerkle.proof(_previousLeaves[i], l));
    }

    function close(uint256 i) external {
        i %= CAMPAIGNS;
        vm.warp(block.timestamp + 8 days);
        vm.prank(funder(i));
        uint256 refund = escrow.closeCampaign(campaignId(i));
        ghostPaidOut[i] += refund;
    }

    function _claim(uint256 i, uint256 l, uint256 amount, bytes32[] memory proof) private {
        uint256 before = usd.balanceOf(labeler(l));
        uint256 paid = escrow.claim(campaignId(i), labeler(l), amount, proof);
        require(usd.balanceOf(labeler(l)) - before == paid, "paid what it said");
        ghostPaidOut[i] += paid;
        ghostReceived[i][l] += paid;
        claims++;
    }
}

contract RewardEscrowInvariantTest is TestBase {
    MockPaymentToken private usd;
    RewardEscrow private escrow;
    EscrowHandler private handler;

    function setUp() public {
        address validator = address(0x7A1);
        usd = new MockPaymentToken(address(this));
        escrow = new RewardEscrow(address(this), usd);
        escrow.grantRole(escrow.VALIDATOR_ROLE(), validator);
        handler = new EscrowHandler(escrow, usd, validator);
        usd.transferOwnership(address(handler));
        _targetContract(address(handler));
    }

    /// @dev Never pays out more than was deposited, per campaign and in total.
    function invariant_neverPaysOutMoreThanWasDeposited() public view {
        uint256 deposited;
        uint256 paidOut;
        for (uint256 i = 0; i < 3; i++) {
            RewardEscrow.Campaign memory c = escrow.campaignOf(handler.campaignId(i));
            vm.assertLe(c.paid + c.refunded, c.deposited, "campaign paid out more than deposited");
            vm.assertLe(handler.ghostPaidOut(i), handler.ghostDeposited(i), "ghost books: out > in");
            vm.assertEq(c.paid + c.refunded, handler.ghostPaidOut(i), "contract and ghost books agree");
            deposited += handler.ghostDeposited(i);
            paidOut += handler.ghostPaidOut(i);
        }
        vm.assertEq(usd.balanceOf(address(escrow)), deposited - paidOut, "escrow balance is in minus out");
    }

    /// @dev No entitlement is paid twice: what a labeler received is exactly what the escrow
    /// recorded as claimed and never more than the highest cumulative amount ever proven.
    function invariant_aClaimIsNeverPaidTwice() public view {
        for (uint256 i = 0; i < 3; i++) {
            for (uint256 l = 0; l < 5; l++) {
                uint256 received = handler.ghostReceived(i, l);
                vm.assertEq(received, escrow.claimed(handler.campaignId(i), handler.labeler(l)), "received = claimed");
                vm.assertLe(received, handler.ghostMaxEntitlement(i, l), "received <= entitlement");
            }
        }
    }
}
