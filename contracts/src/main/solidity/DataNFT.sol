// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IERC4906} from "@openzeppelin/contracts/interfaces/IERC4906.sol";
import {Clones} from "@openzeppelin/contracts/proxy/Clones.sol";
import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {ERC2981} from "@openzeppelin/contracts/token/common/ERC2981.sol";
import {IERC165} from "@openzeppelin/contracts/utils/introspection/IERC165.sol";
import {Datatoken} from "./Datatoken.sol";

/**
 * @title DataNFT
 * @notice One ERC-721 token per dataset. The token carries the dataset's public metadata
 * (`tokenURI` = `ipfs://<metadata CID>`), its SPDX license, its version history (as events),
 * ERC-2981 royalties to the contributor and its listing status, set by moderators in the open.
 *
 * Minting a dataset also clones its {Datatoken}; this contract is that token's only minter and
 * mints access tokens only for holders of {MINTER_ROLE} (the purchase contract).
 */
contract DataNFT is ERC721, ERC2981, AccessControl, IERC4906 {
    /// @notice May mint datasets and publish versions on behalf of contributors (the platform).
    bytes32 public constant PUBLISHER_ROLE = keccak256("PUBLISHER_ROLE");
    /// @notice May unlist, relist and revoke datasets.
    bytes32 public constant MODERATOR_ROLE = keccak256("MODERATOR_ROLE");
    /// @notice May mint datatokens (the purchase contract).
    bytes32 public constant MINTER_ROLE = keccak256("MINTER_ROLE");

    /// @notice Royalties are capped so that a contributor cannot price resales out of reach.
    uint96 public constant MAX_ROYALTY_BPS = 2_500;

    enum ListingStatus {
        None,
        Listed,
        Unlisted,
        Revoked
    }

    struct Dataset {
        address datatoken;
        uint64 version;
        ListingStatus status;
        string metadataCid;
        string license;
    }

    /// @notice What the platform knows about a dataset when it mints it.
    struct MintRequest {
        address contributor;
        string metadataCid;
        string contentCid;
        bytes32 contentHash;
        string license;
        uint96 royaltyBps;
        string datatokenName;
        string datatokenSymbol;
    }

    address private immutable _datatokenImplementation;
    uint256 private _nextDatasetId = 1;
    mapping(uint256 datasetId => Dataset) private _datasets;

    /// @dev `metadataCid` or `contentCid` is empty.
    error DataNFTEmptyCid();
    /// @dev `license` is empty: every dataset declares an SPDX id.
    error DataNFTEmptyLicense();
    /// @dev `royaltyBps` is above {MAX_ROYALTY_BPS}.
    error DataNFTRoyaltyTooHigh(uint96 royaltyBps, uint96 maxBps);
    /// @dev `caller` may not publish versions of `datasetId`.
    error DataNFTUnauthorizedPublisher(uint256 datasetId, address caller);
    /// @dev The dataset is revoked; revocation is final.
    error DataNFTDatasetRevoked(uint256 datasetId);
    /// @dev The dataset is not in the status the moderation action needs.
    error DataNFTInvalidStatus(uint256 datasetId, ListingStatus status);

    /// @notice A dataset and its datatoken were created.
    event DatasetMinted(
        uint256 indexed datasetId, address indexed contributor, address indexed datatoken, string license
    );
    /// @notice A version of a dataset was published; version 1 comes with the mint.
    event VersionPublished(
        uint256 indexed datasetId, uint64 indexed version, string contentCid, bytes32 contentHash, string metadataCid
    );
    /// @notice A moderator changed a dataset's listing status, with the reason, for all to see.
    event ListingStatusChanged(
        uint256 indexed datasetId, ListingStatus status, address indexed moderator, string reason
    );

    constructor(address admin) ERC721("Datamint Dataset", "DMDS") {
        _datatokenImplementation = address(new Datatoken());
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
    }

    /**
     * @notice Mints the dataset token to `contributor`, clones its datatoken and records version 1.
     *
     * Requirements:
     * - the caller has {PUBLISHER_ROLE};
     * - the CIDs and the license are not empty and `royaltyBps` is at most {MAX_ROYALTY_BPS}.
     *
     * Emits {DatasetMinted}, {VersionPublished}, {Transfer} and {ListingStatusChanged} (Listed).
     */
    function mintDataset(MintRequest calldata request)
        external
        onlyRole(PUBLISHER_ROLE)
        returns (uint256 datasetId, address datatoken)
    {
        _requireCids(request.metadataCid, request.contentCid);
        if (bytes(request.license).length == 0) {
            revert DataNFTEmptyLicense();
        }
        if (request.royaltyBps > MAX_ROYALTY_BPS) {
            revert DataNFTRoyaltyTooHigh(request.royaltyBps, MAX_ROYALTY_BPS);
        }
        datasetId = _nextDatasetId++;
        // The dataset id as salt makes the datatoken address predictable before the mint is mined.
        datatoken = Clones.cloneDeterministic(_datatokenImplementation, bytes32(datasetId));
        Datatoken(datatoken).initialize(request.datatokenName, request.datatokenSymbol, address(this), datasetId);

        Dataset storage dataset = _datasets[datasetId];
        dataset.datatoken = datatoken;
        dataset.version = 1;
        dataset.status = ListingStatus.Listed;
        dataset.metadataCid = request.metadataCid;
        dataset.license = request.license;
        _setTokenRoyalty(datasetId, request.contributor, request.royaltyBps);
        _safeMint(request.contributor, datasetId);

        emit DatasetMinted(datasetId, request.contributor, datatoken, request.license);
        emit VersionPublished(datasetId, 1, request.contentCid, request.contentHash, request.metadataCid);
        emit ListingStatusChanged(datasetId, ListingStatus.Listed, msg.sender, "");
    }

    /**
     * @notice Publishes a new version: new content and new metadata, one version number up.
     *
     * Requirements:
     * - the caller owns the dataset token or has {PUBLISHER_ROLE};
     * - the dataset exists and is not revoked; the CIDs are not empty.
     *
     * Emits {VersionPublished} and {MetadataUpdate}.
     */
    function publishVersion(
        uint256 datasetId,
        string calldata metadataCid,
        string calldata contentCid,
        bytes32 contentHash
    ) external returns (uint64 version) {
        address owner = _requireOwned(datasetId);
        if (msg.sender != owner && !hasRole(PUBLISHER_ROLE, msg.sender)) {
            revert DataNFTUnauthorizedPublisher(datasetId, msg.sender);
        }
        _requireCids(metadataCid, contentCid);
        Dataset storage dataset = _datasets[datasetId];
        if (dataset.status == ListingStatus.Revoked) {
            revert DataNFTDatasetRevoked(datasetId);
        }
        version = ++dataset.version;
        dataset.metadataCid = metadataCid;

        emit VersionPublished(datasetId, version, contentCid, contentHash, metadataCid);
        emit MetadataUpdate(datasetId);
    }

    /**
     * @notice Takes a listed dataset off the market, with a public reason.
     *
     * Requirements: the caller has {MODERATOR_ROLE}; the dataset is listed.
     *
     * Emits {ListingStatusChanged}.
     */
    function unlist(uint256 datasetId, string calldata reason) external onlyRole(MODERATOR_ROLE) {
        _moderate(datasetId, ListingStatus.Listed, ListingStatus.Unlisted, reason);
    }

    /**
     * @notice Puts an unlisted dataset back on the market.
     *
     * Requirements: the caller has {MODERATOR_ROLE}; the dataset is unlisted.
     *
     * Emits {ListingStatusChanged}.
     */
    function relist(uint256 datasetId, string calldata reason) external onlyRole(MODERATOR_ROLE) {
        _moderate(datasetId, ListingStatus.Unlisted, ListingStatus.Listed, reason);
    }

    /**
     * @notice Revokes a dataset for good (e.g. illegal content): it can never be sold or versioned
     * again. The token stays, so its history stays visible.
     *
     * Requirements: the caller has {MODERATOR_ROLE}; the dataset exists and is not yet revoked.
     *
     * Emits {ListingStatusChanged}.
     */
    function revoke(uint256 datasetId, string calldata reason) external onlyRole(MODERATOR_ROLE) {
        _requireOwned(datasetId);
        Dataset storage dataset = _datasets[datasetId];
        if (dataset.status == ListingStatus.Revoked) {
            revert DataNFTDatasetRevoked(datasetId);
        }
        dataset.status = ListingStatus.Revoked;
        emit ListingStatusChanged(datasetId, ListingStatus.Revoked, msg.sender, reason);
    }

    /**
     * @notice Mints `amount` units of the dataset's datatoken to `to`.
     *
     * Requirements: the caller has {MINTER_ROLE}; the dataset is listed.
     *
     * Emits {Transfer} on the datatoken.
     */
    function mintDatatoken(uint256 datasetId, address to, uint256 amount) external onlyRole(MINTER_ROLE) {
        _requireOwned(datasetId);
        Dataset storage dataset = _datasets[datasetId];
        if (dataset.status != ListingStatus.Listed) {
            revert DataNFTInvalidStatus(datasetId, dataset.status);
        }
        Datatoken(dataset.datatoken).mint(to, amount);
    }

    /// @notice `ipfs://<metadata CID>` of the dataset's latest version.
    function tokenURI(uint256 datasetId) public view override returns (string memory) {
        _requireOwned(datasetId);
        return string.concat("ipfs://", _datasets[datasetId].metadataCid);
    }

    /// @notice The dataset's datatoken.
    function datatokenOf(uint256 datasetId) external view returns (address) {
        _requireOwned(datasetId);
        return _datasets[datasetId].datatoken;
    }

    /// @notice The latest version number, starting at 1.
    function versionOf(uint256 datasetId) external view returns (uint64) {
        _requireOwned(datasetId);
        return _datasets[datasetId].version;
    }

    /// @notice The SPDX license id.
    function licenseOf(uint256 datasetId) external view returns (string memory) {
        _requireOwned(datasetId);
        return _datasets[datasetId].license;
    }

    /// @notice Listed, Unlisted or Revoked.
    function statusOf(uint256 datasetId) external view returns (ListingStatus) {
        _requireOwned(datasetId);
        return _datasets[datasetId].status;
    }

    /// @notice Whether the dataset may be sold now.
    function isListed(uint256 datasetId) external view returns (bool) {
        return _datasets[datasetId].status == ListingStatus.Listed;
    }

    /// @notice The datatoken address the next mint will create, known before it is mined.
    function predictDatatoken(uint256 datasetId) external view returns (address) {
        return Clones.predictDeterministicAddress(_datatokenImplementation, bytes32(datasetId));
    }

    function supportsInterface(bytes4 interfaceId)
        public
        view
        override(ERC721, ERC2981, AccessControl, IERC165)
        returns (bool)
    {
        return interfaceId == bytes4(0x49064906) || super.supportsInterface(interfaceId);
    }

    function _moderate(uint256 datasetId, ListingStatus from, ListingStatus to, string calldata reason) private {
        _requireOwned(datasetId);
        Dataset storage dataset = _datasets[datasetId];
        if (dataset.status != from) {
            revert DataNFTInvalidStatus(datasetId, dataset.status);
        }
        dataset.status = to;
        emit ListingStatusChanged(datasetId, to, msg.sender, reason);
    }

    function _requireCids(string calldata metadataCid, string calldata contentCid) private pure {
        if (bytes(metadataCid).length == 0 || bytes(contentCid).length == 0) {
            revert DataNFTEmptyCid();
        }
    }
}
