// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {DataNFT} from "../../main/solidity/DataNFT.sol";
import {Datatoken} from "../../main/solidity/Datatoken.sol";
import {TestBase} from "./util/TestBase.sol";

contract DataNFTTest is TestBase {
    event VersionPublished(
        uint256 indexed datasetId, uint64 indexed version, string contentCid, bytes32 contentHash, string metadataCid
    );
    event ListingStatusChanged(
        uint256 indexed datasetId, DataNFT.ListingStatus status, address indexed moderator, string reason
    );

    address private admin = address(0xA11CE);
    address private platform = address(0xB0B);
    address private moderator = address(0x3333);
    address private contributor = address(0xC0FFEE);
    address private stranger = address(0xBAD);
    DataNFT private nft;

    function setUp() public {
        nft = new DataNFT(admin);
        vm.startPrank(admin);
        nft.grantRole(nft.PUBLISHER_ROLE(), platform);
        nft.grantRole(nft.MODERATOR_ROLE(), moderator);
        vm.stopPrank();
    }

    function _request() private view returns (DataNFT.MintRequest memory) {
        return DataNFT.MintRequest({
            contributor: contributor,
            metadataCid: "bafymeta1",
            contentCid: "bafycontent1",
            contentHash: keccak256("content-1"),
            license: "CC-BY-4.0",
            royaltyBps: 500,
            datatokenName: "Cats dataset access",
            datatokenSymbol: "DT1"
        });
    }

    function _mint() private returns (uint256 id, address datatoken) {
        vm.prank(platform);
        return nft.mintDataset(_request());
    }

    function test_mintGivesTheContributorTheTokenWithMetadataLicenseAndRoyalty() public {
        address predicted = nft.predictDatatoken(1);
        (uint256 id, address datatoken) = _mint();

        vm.assertEq(id, 1, "first dataset id");
        vm.assertEq(datatoken, predicted, "datatoken address is predictable");
        vm.assertEq(nft.ownerOf(id), contributor, "owner");
        vm.assertEq(nft.tokenURI(id), "ipfs://bafymeta1", "tokenURI");
        vm.assertEq(nft.licenseOf(id), "CC-BY-4.0", "license");
        vm.assertEq(nft.versionOf(id), 1, "version");
        vm.assertTrue(nft.isListed(id), "listed");
        (address receiver, uint256 royalty) = nft.royaltyInfo(id, 10_000);
        vm.assertEq(receiver, contributor, "royalty receiver");
        vm.assertEq(royalty, 500, "royalty amount");
        vm.assertEq(Datatoken(datatoken).name(), "Cats dataset access", "datatoken name");
        vm.assertEq(Datatoken(datatoken).datasetId(), id, "datatoken dataset");
        vm.assertEq(Datatoken(datatoken).dataNft(), address(nft), "datatoken owner contract");
    }

    function test_everyDatasetGetsItsOwnDatatoken() public {
        (, address first) = _mint();
        (uint256 id, address second) = _mint();
        vm.assertEq(id, 2, "second id");
        vm.assertTrue(first != second, "distinct datatokens");
    }

    function test_mintNeedsThePublisherRole() public {
        DataNFT.MintRequest memory request = _request();
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, stranger, nft.PUBLISHER_ROLE()
            )
        );
        vm.prank(stranger);
        nft.mintDataset(request);
    }

    function test_mintRejectsExcessiveRoyaltyAndMissingLicenseOrCid() public {
        DataNFT.MintRequest memory request = _request();
        request.royaltyBps = 2_501;
        vm.expectRevert(abi.encodeWithSelector(DataNFT.DataNFTRoyaltyTooHigh.selector, uint96(2_501), uint96(2_500)));
        vm.prank(platform);
        nft.mintDataset(request);

        request = _request();
        request.license = "";
        vm.expectRevert(DataNFT.DataNFTEmptyLicense.selector);
        vm.prank(platform);
        nft.mintDataset(request);

        request = _request();
        request.contentCid = "";
        vm.expectRevert(DataNFT.DataNFTEmptyCid.selector);
        vm.prank(platform);
        nft.mintDataset(request);
    }

    function test_ownerPublishesANewVersionWithItsContentHash() public {
        (uint256 id,) = _mint();
        vm.expectEmit(address(nft));
        emit VersionPublished(id, 2, "bafycontent2", keccak256("content-2"), "bafymeta2");
        vm.prank(contributor);
        uint64 version = nft.publishVersion(id, "bafymeta2", "bafycontent2", keccak256("content-2"));

        vm.assertEq(version, 2, "returned version");
        vm.assertEq(nft.versionOf(id), 2, "stored version");
        vm.assertEq(nft.tokenURI(id), "ipfs://bafymeta2", "metadata follows the version");
    }

    function test_platformMayPublishAVersionButAStrangerMayNot() public {
        (uint256 id,) = _mint();
        vm.prank(platform);
        nft.publishVersion(id, "bafymeta2", "bafycontent2", bytes32(0));

        vm.expectRevert(abi.encodeWithSelector(DataNFT.DataNFTUnauthorizedPublisher.selector, id, stranger));
        vm.prank(stranger);
        nft.publishVersion(id, "bafymeta3", "bafycontent3", bytes32(0));
    }

    function test_moderatorUnlistsAndRelistsWithAPublicReason() public {
        (uint256 id,) = _mint();
        vm.expectEmit(address(nft));
        emit ListingStatusChanged(id, DataNFT.ListingStatus.Unlisted, moderator, "reported: personal data");
        vm.prank(moderator);
        nft.unlist(id, "reported: personal data");
        vm.assertFalse(nft.isListed(id), "unlisted");

        vm.prank(moderator);
        nft.relist(id, "cleaned up");
        vm.assertTrue(nft.isListed(id), "listed again");
    }

    function test_relistingAListedDatasetIsRejected() public {
        (uint256 id,) = _mint();
        vm.expectRevert(
            abi.encodeWithSelector(DataNFT.DataNFTInvalidStatus.selector, id, DataNFT.ListingStatus.Listed)
        );
        vm.prank(moderator);
        nft.relist(id, "");
    }

    function test_revocationIsFinal() public {
        (uint256 id,) = _mint();
        vm.prank(moderator);
        nft.revoke(id, "illegal content");
        vm.assertEq(uint256(nft.statusOf(id)), uint256(DataNFT.ListingStatus.Revoked), "revoked");

        vm.expectRevert(
            abi.encodeWithSelector(DataNFT.DataNFTInvalidStatus.selector, id, DataNFT.ListingStatus.Revoked)
        );
        vm.prank(moderator);
        nft.relist(id, "");

        vm.expectRevert(abi.encodeWithSelector(DataNFT.DataNFTDatasetRevoked.selector, id));
        vm.prank(contributor);
        nft.publishVersion(id, "bafymeta2", "bafycontent2", bytes32(0));
    }

    function test_onlyModeratorsModerate() public {
        (uint256 id,) = _mint();
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, contributor, nft.MODERATOR_ROLE()
            )
        );
        vm.prank(contributor);
        nft.unlist(id, "");
    }

    function test_datatokenIsMintedOnlyThroughItsDataNFT() public {
        (uint256 id, address datatoken) = _mint();
        vm.expectRevert(abi.encodeWithSelector(Datatoken.DatatokenUnauthorizedMinter.selector, stranger));
        vm.prank(stranger);
        Datatoken(datatoken).mint(stranger, 1);

        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, stranger, nft.MINTER_ROLE()
            )
        );
        vm.prank(stranger);
        nft.mintDatatoken(id, stranger, 1);

        bytes32 minterRole = nft.MINTER_ROLE();
        vm.prank(admin);
        nft.grantRole(minterRole, address(this));
        nft.mintDatatoken(id, stranger, 1e18);
        vm.assertEq(Datatoken(datatoken).balanceOf(stranger), 1e18, "minted through DataNFT");
    }

    function test_noDatatokensForAnUnlistedDataset() public {
        (uint256 id,) = _mint();
        bytes32 minterRole = nft.MINTER_ROLE();
        vm.prank(admin);
        nft.grantRole(minterRole, address(this));
        vm.prank(moderator);
        nft.unlist(id, "");
        vm.expectRevert(
            abi.encodeWithSelector(DataNFT.DataNFTInvalidStatus.selector, id, DataNFT.ListingStatus.Unlisted)
        );
        nft.mintDatatoken(id, stranger, 1e18);
    }

    function test_aDatatokenCloneCannotBeReinitialized() public {
        (, address datatoken) = _mint();
        vm.expectRevert(Initializable.InvalidInitialization.selector);
        Datatoken(datatoken).initialize("x", "X", stranger, 9);
    }

    function test_advertisesERC721AndERC2981AndERC4906() public view {
        vm.assertTrue(nft.supportsInterface(0x80ac58cd), "ERC-721");
        vm.assertTrue(nft.supportsInterface(0x2a55205a), "ERC-2981");
        vm.assertTrue(nft.supportsInterface(0x49064906), "ERC-4906");
    }
}
