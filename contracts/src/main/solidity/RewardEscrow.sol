// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";

/**
 * @title RewardEscrow
 * @notice Holds the budget of labeling campaigns and pays labelers what the validation pipeline
 * says they earned.
 *
 * A funder deposits a campaign's budget before work starts. After each settlement epoch the
 * validator posts one Merkle root over CUMULATIVE entitlements `(labeler, amount)`: the total a
 * labeler has earned in the campaign so far, not the epoch's increment. A claim pays the difference
 * between the proven cumulative amount and what was already paid, so a claim can never be paid
 * twice, a missed epoch is caught up by the next one, and an old proof is worth nothing new.
 * Anyone may submit a claim (the platform relays for labelers without gas) but the money always
 * goes to the labeler in the leaf.
 *
 * The leaf encoding is OpenZeppelin's StandardMerkleTree one:
 * `keccak256(bytes.concat(keccak256(abi.encode(labeler, cumulativeAmount))))`.
 *
 * Invariants (fuzzed in the forge invariant suite): a campaign never pays out more than was
 * deposited into it, and no entitlement is paid twice.
 */
contract RewardEscrow is AccessControl, Pausable, ReentrancyGuard {
    using SafeERC20 for IERC20;

    /// @notice Posts settlement roots.
    bytes32 public constant VALIDATOR_ROLE = keccak256("VALIDATOR_ROLE");
    /// @notice Pauses and unpauses the escrow.
    bytes32 public constant PAUSER_ROLE = keccak256("PAUSER_ROLE");

    struct Campaign {
        address funder;
        uint64 endsAt;
        uint64 epoch;
        bool closed;
        uint256 deposited;
        uint256 entitled;
        uint256 paid;
        uint256 refunded;
        bytes32 root;
    }

    IERC20 private immutable _token;
    mapping(bytes32 campaignId => Campaign) private _campaigns;
    mapping(bytes32 campaignId => mapping(address labeler => uint256)) private _claimed;

    /// @dev A campaign with this id exists already.
    error RewardEscrowCampaignExists(bytes32 campaignId);
    /// @dev No campaign with this id.
    error RewardEscrowUnknownCampaign(bytes32 campaignId);
    /// @dev The campaign was closed: no more deposits or roots.
    error RewardEscrowCampaignClosed(bytes32 campaignId);
    /// @dev The campaign has not ended yet, so its budget cannot be returned.
    error RewardEscrowCampaignNotEnded(bytes32 campaignId, uint64 endsAt);
    /// @dev The end lies in the past, or the deposit is zero.
    error RewardEscrowInvalidDeposit();
    /// @dev A root promises more than was deposited, or less than an earlier root (totals only grow).
    error RewardEscrowInvalidEntitlement(bytes32 campaignId, uint256 entitled, uint256 minimum, uint256 maximum);
    /// @dev The proof does not match the campaign's latest root.
    error RewardEscrowInvalidProof(bytes32 campaignId, address labeler, uint256 cumulativeAmount);
    /// @dev Everything this proof entitles was paid already.
    error RewardEscrowNothingToClaim(bytes32 campaignId, address labeler, uint256 cumulativeAmount);
    /// @dev `caller` is neither the funder nor an admin.
    error RewardEscrowUnauthorized(bytes32 campaignId, address caller);

    /// @notice A campaign was opened with its first deposit.
    event CampaignOpened(bytes32 indexed campaignId, address indexed funder, uint256 amount, uint64 endsAt);
    /// @notice A campaign's budget grew.
    event BudgetDeposited(bytes32 indexed campaignId, address indexed from, uint256 amount, uint256 deposited);
    /// @notice A settlement root was posted for an epoch.
    event SettlementPosted(bytes32 indexed campaignId, uint64 indexed epoch, bytes32 root, uint256 entitled);
    /// @notice A labeler was paid; `relayer` is whoever sent the transaction.
    event RewardClaimed(
        bytes32 indexed campaignId,
        address indexed labeler,
        uint256 amount,
        uint256 cumulativeAmount,
        address relayer
    );
    /// @notice The campaign was closed and what no labeler is entitled to went back to the funder.
    event CampaignClosed(bytes32 indexed campaignId, address indexed funder, uint256 refunded);

    constructor(address admin, IERC20 token_) {
        _token = token_;
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
    }

    /**
     * @notice Opens a campaign and deposits its budget from the caller, who becomes its funder.
     *
     * Requirements: not paused; the id is new; `amount` is positive; `endsAt` is in the future;
     * the caller approved `amount`.
     *
     * Emits {CampaignOpened}.
     */
    function openCampaign(bytes32 campaignId, uint256 amount, uint64 endsAt) external whenNotPaused nonReentrant {
        Campaign storage campaign = _campaigns[campaignId];
        if (campaign.funder != address(0)) {
            revert RewardEscrowCampaignExists(campaignId);
        }
        if (amount == 0 || endsAt <= block.timestamp) {
            revert RewardEscrowInvalidDeposit();
        }
        campaign.funder = msg.sender;
        campaign.endsAt = endsAt;
        campaign.deposited = amount;
        emit CampaignOpened(campaignId, msg.sender, amount, endsAt);
        _token.safeTransferFrom(msg.sender, address(this), amount);
    }

    /**
     * @notice Adds budget to an open campaign; anyone may top it up.
     *
     * Requirements: not paused; the campaign exists and is not closed; `amount` is positive.
     *
     * Emits {BudgetDeposited}.
     */
    function deposit(bytes32 campaignId, uint256 amount) external whenNotPaused nonReentrant {
        Campaign storage campaign = _requireOpen(campaignId);
        if (amount == 0) {
            revert RewardEscrowInvalidDeposit();
        }
        campaign.deposited += amount;
        emit BudgetDeposited(campaignId, msg.sender, amount, campaign.deposited);
        _token.safeTransferFrom(msg.sender, address(this), amount);
    }

    /**
     * @notice Posts the root of the campaign's cumulative entitlements after an epoch.
     * `entitled` is the sum of all amounts in the tree; it may not exceed the budget nor shrink.
     *
     * Requirements: the caller has {VALIDATOR_ROLE}; not paused; the campaign is open;
     * `paid`-so-far <= previous `entitled` <= `entitled` <= `deposited`.
     *
     * Emits {SettlementPosted}.
     */
    function postSettlement(bytes32 campaignId, bytes32 root, uint256 entitled)
        external
        onlyRole(VALIDATOR_ROLE)
        whenNotPaused
        returns (uint64 epoch)
    {
        Campaign storage campaign = _requireOpen(campaignId);
        if (entitled < campaign.entitled || entitled > campaign.deposited) {
            revert RewardEscrowInvalidEntitlement(campaignId, entitled, campaign.entitled, campaign.deposited);
        }
        campaign.root = root;
        campaign.entitled = entitled;
        epoch = ++campaign.epoch;
        emit SettlementPosted(campaignId, epoch, root, entitled);
    }

    /**
     * @notice Pays `labeler` what the latest root entitles them to beyond what they were paid.
     * Anyone may call it; the money goes to `labeler`.
     *
     * Requirements: not paused; the proof matches the latest root; something is left to pay;
     * the campaign's payments stay within its deposits.
     *
     * Emits {RewardClaimed}.
     */
    function claim(bytes32 campaignId, address labeler, uint256 cumulativeAmount, bytes32[] calldata proof)
        external
        whenNotPaused
        nonReentrant
        returns (uint256 amount)
    {
        Campaign storage campaign = _campaigns[campaignId];
        if (campaign.funder == address(0)) {
            revert RewardEscrowUnknownCampaign(campaignId);
        }
        bytes32 leaf = keccak256(bytes.concat(keccak256(abi.encode(labeler, cumulativeAmount))));
        if (!MerkleProof.verifyCalldata(proof, campaign.root, leaf)) {
            revert RewardEscrowInvalidProof(campaignId, labeler, cumulativeAmount);
        }
        uint256 alreadyClaimed = _claimed[campaignId][labeler];
        if (cumulativeAmount <= alreadyClaimed) {
            revert RewardEscrowNothingToClaim(campaignId, labeler, cumulativeAmount);
        }
        // Cannot underflow: checked just above.
        unchecked {
            amount = cumulativeAmount - alreadyClaimed;
        }
        uint256 paid = campaign.paid + amount;
        // Defence in depth: postSettlement keeps every tree's total within the deposits, but a
        // faulty tree whose leaves add up to more than its declared total must still not pay out
        // other campaigns' money.
        if (paid > campaign.deposited - campaign.refunded) {
            revert RewardEscrowInvalidEntitlement(campaignId, paid, 0, campaign.deposited - campaign.refunded);
        }
        _claimed[campaignId][labeler] = cumulativeAmount;
        campaign.paid = paid;
        emit RewardClaimed(campaignId, labeler, amount, cumulativeAmount, msg.sender);
        _token.safeTransfer(labeler, amount);
    }

    /**
     * @notice Closes an ended campaign and returns to the funder whatever no labeler is entitled
     * to. Entitlements already in the latest root stay claimable.
     *
     * Requirements: not paused; the campaign has ended and is not closed; the caller is the funder
     * or has {DEFAULT_ADMIN_ROLE}.
     *
     * Emits {CampaignClosed}.
     */
    function closeCampaign(bytes32 campaignId) external whenNotPaused nonReentrant returns (uint256 refund) {
        Campaign storage campaign = _requireOpen(campaignId);
        if (msg.sender != campaign.funder && !hasRole(DEFAULT_ADMIN_ROLE, msg.sender)) {
            revert RewardEscrowUnauthorized(campaignId, msg.sender);
        }
        if (block.timestamp < campaign.endsAt) {
            revert RewardEscrowCampaignNotEnded(campaignId, campaign.endsAt);
        }
        // entitled <= deposited is kept by postSettlement, and paid <= entitled by the proofs.
        unchecked {
            refund = campaign.deposited - _max(campaign.entitled, campaign.paid);
        }
        campaign.closed = true;
        campaign.refunded = refund;
        emit CampaignClosed(campaignId, campaign.funder, refund);
        if (refund != 0) {
            _token.safeTransfer(campaign.funder, refund);
        }
    }

    /// @notice Stops deposits, roots, claims and closing, e.g. while a bad root is investigated.
    function pause() external onlyRole(PAUSER_ROLE) {
        _pause();
    }

    function unpause() external onlyRole(PAUSER_ROLE) {
        _unpause();
    }

    function campaignOf(bytes32 campaignId) external view returns (Campaign memory) {
        return _campaigns[campaignId];
    }

    /// @notice The cumulative amount already paid to `labeler` in the campaign.
    function claimed(bytes32 campaignId, address labeler) external view returns (uint256) {
        return _claimed[campaignId][labeler];
    }

    function token() external view returns (IERC20) {
        return _token;
    }

    function _requireOpen(bytes32 campaignId) private view returns (Campaign storage campaign) {
        campaign = _campaigns[campaignId];
        if (campaign.funder == address(0)) {
            revert RewardEscrowUnknownCampaign(campaignId);
        }
        if (campaign.closed) {
            revert RewardEscrowCampaignClosed(campaignId);
        }
    }

    function _max(uint256 a, uint256 b) private pure returns (uint256) {
        return a > b ? a : b;
    }
}
