package io.datamint.domain.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.domain.application.PublishingService.Listing;
import io.datamint.domain.application.PublishingService.VersionRef;
import io.datamint.domain.application.TokenizationFakes.Chain;
import io.datamint.domain.model.account.Account;
import io.datamint.domain.model.account.CustodialWallet;
import io.datamint.domain.model.account.Identity;
import io.datamint.domain.model.account.Role;
import io.datamint.domain.model.chain.ChainEvent;
import io.datamint.domain.model.chain.ChainOperationKey;
import io.datamint.domain.model.chain.ChainRejectedException;
import io.datamint.domain.model.chain.ChainRetry;
import io.datamint.domain.model.chain.ChainUnavailableException;
import io.datamint.domain.model.chain.DataNftId;
import io.datamint.domain.model.chain.TxHash;
import io.datamint.domain.model.dataset.Cid;
import io.datamint.domain.model.dataset.ContentFormat;
import io.datamint.domain.model.dataset.ContentHash;
import io.datamint.domain.model.dataset.ContributorId;
import io.datamint.domain.model.dataset.DatasetId;
import io.datamint.domain.model.dataset.Manifest;
import io.datamint.domain.model.dataset.SpdxLicense;
import io.datamint.domain.model.dataset.StoredContent;
import io.datamint.domain.model.shared.WalletAddress;
import io.datamint.domain.model.shared.WrappedKey;
import io.datamint.domain.model.tokenization.DatasetToken;
import io.datamint.domain.model.tokenization.ListingStatus;
import io.datamint.domain.model.tokenization.TokenOperation;
import io.datamint.domain.model.tokenization.TokenOperationKind;
import io.datamint.domain.model.tokenization.TokenStatus;
import io.datamint.domain.model.tokenization.VersionApproved;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenizationServiceTest {

  private static final ContributorId ALICE = new ContributorId("alice-subject");
  private static final ContributorId BOB = new ContributorId("bob-subject");
  private static final WalletAddress ALICE_WALLET = WalletAddress.of("0x" + "a1".repeat(20));
  private static final Cid CONTENT =
      Cid.of("bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku");
  private static final Cid METADATA_V1 =
      Cid.of("bafkreiaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
  private static final Cid METADATA_V2 =
      Cid.of("bafkreibbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");

  private final TokenizationFakes.MovingClock clock =
      new TokenizationFakes.MovingClock(Instant.parse("2026-03-01T10:00:00Z"));
  private final PublishingFakes.Datasets datasets = new PublishingFakes.Datasets();
  private final TokenizationFakes.Operations operations =
      new TokenizationFakes.Operations(datasets);
  private final TokenizationFakes.Accounts accounts = new TokenizationFakes.Accounts();
  private final TokenizationFakes.Transactions transactions = new TokenizationFakes.Transactions();
  private final Chain chain = new Chain();
  private final PublishingService publishing = new PublishingService(datasets, clock);
  private final TokenizationService tokenization =
      new TokenizationService(operations, datasets, accounts, clock);
  private final TokenizationProcessor processor =
      new TokenizationProcessor(tokenization, chain, transactions);

  TokenizationServiceTest() {
    accounts.add(
        new Account(
            new Identity("alice-subject", "alice", "Alice", null, Set.of(Role.CONTRIBUTOR)),
            new CustodialWallet(ALICE_WALLET, new WrappedKey("master-1", new byte[] {1})),
            clock.instant()));
  }

  /** A dataset of Alice's whose first version was approved (the approval event delivered). */
  private DatasetId approvedDataset() {
    VersionRef ref =
        publishing.startDataset(
            ALICE,
            new Listing("Pets", "cats and dogs", SpdxLicense.of("CC-BY-4.0"), Set.of()),
            "pets.csv");
    approveNextVersion(ref, METADATA_V1);
    return ref.dataset();
  }

  private void approveNextVersion(VersionRef ref, Cid metadata) {
    publishing.uploadCompleted(ref.dataset(), ref.version(), 10);
    publishing.inspectionPassed(
        ref.dataset(),
        ref.version(),
        new Manifest(
            ContentFormat.CSV,
            "pets.csv",
            10,
            new ContentHash(Integer.toString(ref.version()).repeat(64)),
            "UTF-8",
            1,
            List.of(),
            null,
            Map.of(),
            null,
            List.of()));
    publishing.contentStored(
        ref.dataset(),
        ref.version(),
        new StoredContent(CONTENT, 42, CONTENT, metadata, new WrappedKey("m", new byte[] {1})));
    publishing.approve(ref.dataset(), "admin");
    tokenization.onVersionApproved(new VersionApproved(ref.dataset(), ref.version()));
  }

  private TokenOperation mintOf(DatasetId dataset) {
    return operations.get(TokenOperation.mintKey(dataset));
  }

  @Test
  void approvingTheFirstVersionQueuesItsMint() {
    DatasetId dataset = approvedDataset();

    TokenOperation mint = mintOf(dataset);
    assertThat(mint.kind()).isEqualTo(TokenOperationKind.MINT);
    assertThat(mint.status()).isEqualTo(TokenStatus.QUEUED);
    assertThat(tokenization.token(dataset, ALICE, false))
        .get()
        .extracting(DatasetToken::status)
        .isEqualTo(TokenStatus.QUEUED);
  }

  @Test
  void theWorkerMintsToTheContributorsWalletWithTheVersionsPublicMetadata() {
    DatasetId dataset = approvedDataset();

    assertThat(processor.processDue(10)).isEqualTo(1);

    assertThat(chain.mints).hasSize(1);
    var request = chain.mints.get(0);
    assertThat(request.contributor()).isEqualTo(ALICE_WALLET);
    assertThat(request.metadataCid()).isEqualTo(METADATA_V1);
    assertThat(request.contentCid()).isEqualTo(CONTENT);
    assertThat(request.license()).isEqualTo(SpdxLicense.of("CC-BY-4.0"));
    assertThat(request.datatokenName()).isEqualTo("Datamint: Pets");
    DatasetToken token = tokenization.token(dataset, ALICE, false).orElseThrow();
    assertThat(token.status()).isEqualTo(TokenStatus.MINTED);
    assertThat(token.tokenId()).contains(DataNftId.of(1));
    assertThat(token.dataNft()).contains(Chain.DATA_NFT);
    assertThat(token.datatoken()).isPresent();
    assertThat(token.transaction()).contains(Chain.tx(1001));
    assertThat(token.message()).isEmpty();
  }

  @Test
  void aLaterApprovedVersionIsPublishedOnTheMintedToken() {
    DatasetId dataset = approvedDataset();
    processor.processDue(10);
    VersionRef second = publishing.startVersion(ALICE, dataset, "pets-v2.csv");

    approveNextVersion(second, METADATA_V2);
    processor.processDue(10);

    TokenOperation published = operations.get(TokenOperation.versionKey(dataset, 2));
    assertThat(published.status()).isEqualTo(TokenStatus.PUBLISHED);
    assertThat(published.chainVersion()).contains(2L);
    assertThat(chain.publishedMetadata).containsExactly(METADATA_V2);
    assertThat(tokenization.token(dataset, ALICE, false).orElseThrow().versions())
        .singleElement()
        .satisfies(v -> assertThat(v.status()).isEqualTo(TokenStatus.PUBLISHED));
  }

  @Test
  void aVersionWaitsForItsDatasetsMint() {
    DatasetId dataset = approvedDataset();
    chain.failures.add(() -> new ChainUnavailableException("node down", null));
    processor.processDue(10);
    VersionRef second = publishing.startVersion(ALICE, dataset, "pets-v2.csv");
    approveNextVersion(second, METADATA_V2);
    clock.advance(Duration.ofSeconds(1));

    processor.process(TokenOperation.versionKey(dataset, 2));

    TokenOperation version = operations.get(TokenOperation.versionKey(dataset, 2));
    assertThat(version.status()).isEqualTo(TokenStatus.QUEUED);
    assertThat(version.message()).get().asString().contains("waiting for the dataset's DataNFT");
    assertThat(chain.publishedMetadata).isEmpty();

    clock.advance(Duration.ofMinutes(1));
    processor.processDue(10);
    clock.advance(Duration.ofMinutes(1));
    processor.processDue(10);

    assertThat(mintOf(dataset).status()).isEqualTo(TokenStatus.MINTED);
    assertThat(version.status()).isEqualTo(TokenStatus.PUBLISHED);
  }

  @Test
  void whileTheChainIsDownTheMintStaysQueuedWithTheReasonAndIsRetriedAfterTheBackOff() {
    DatasetId dataset = approvedDataset();
    chain.failures.add(() -> new ChainUnavailableException("cannot reach the node", null));

    processor.processDue(10);

    TokenOperation mint = mintOf(dataset);
    assertThat(mint.status()).isEqualTo(TokenStatus.QUEUED);
    assertThat(mint.message()).get().asString().contains("the chain is unavailable");
    assertThat(processor.processDue(10)).as("not due during the back-off").isZero();

    clock.advance(ChainRetry.FIRST_DELAY);
    processor.processDue(10);

    assertThat(mint.status()).isEqualTo(TokenStatus.MINTED);
    assertThat(mint.message()).isEmpty();
    assertThat(chain.mints).hasSize(1);
  }

  @Test
  void anOutageAfterTheTransactionWasRecordedLeavesItSubmittedAndTheRetryFindsIt() {
    DatasetId dataset = approvedDataset();
    ChainOperationKey key = TokenOperation.mintKey(dataset);
    TxHash recorded = TxHash.of("0x" + "cd".repeat(32));
    chain.failures.add(
        () -> {
          transactions.sent(key, recorded);
          return new ChainUnavailableException("no receipt in time", null);
        });

    processor.processDue(10);

    assertThat(mintOf(dataset).status()).isEqualTo(TokenStatus.SUBMITTED);
    assertThat(mintOf(dataset).transaction()).contains(recorded);
    clock.advance(Duration.ofMinutes(1));
    processor.processDue(10);
    assertThat(mintOf(dataset).status()).isEqualTo(TokenStatus.MINTED);
  }

  @Test
  void aRefusalByTheChainFailsWithItsMessageUntilAnAdminRetries() {
    DatasetId dataset = approvedDataset();
    chain.failures.add(
        () ->
            new ChainRejectedException(
                "InsufficientFunds", "account 0x.. has not enough ETH to pay for the gas"));

    processor.processDue(10);

    TokenOperation mint = mintOf(dataset);
    assertThat(mint.status()).isEqualTo(TokenStatus.FAILED);
    assertThat(mint.message()).contains("account 0x.. has not enough ETH to pay for the gas");
    clock.advance(Duration.ofHours(1));
    assertThat(processor.processDue(10)).isZero();

    assertThat(tokenization.retry(dataset)).isEqualTo(1);
    processor.processDue(10);

    assertThat(mint.status()).isEqualTo(TokenStatus.MINTED);
  }

  @Test
  void anUnexpectedErrorKeepsTheOperationQueued() {
    DatasetId dataset = approvedDataset();
    chain.failures.add(() -> new IllegalStateException("expected one DatasetMinted"));

    processor.processDue(10);

    assertThat(mintOf(dataset).status()).isEqualTo(TokenStatus.QUEUED);
    assertThat(mintOf(dataset).message()).get().asString().contains("unexpected error");
  }

  @Test
  void aContributorWithoutAnAccountCannotBeMintedTo() {
    VersionRef ref =
        publishing.startDataset(
            BOB, new Listing("Bob's", "", SpdxLicense.of("CC0-1.0"), Set.of()), "b.csv");
    approveNextVersion(ref, METADATA_V1);

    processor.processDue(10);

    TokenOperation mint = mintOf(ref.dataset());
    assertThat(mint.status()).isEqualTo(TokenStatus.FAILED);
    assertThat(mint.failureReason()).contains("NoWallet");
    assertThat(chain.mints).isEmpty();
  }

  @Test
  void approvalsMadeWithoutAnEventAreQueuedByTheScanInVersionOrder() {
    VersionRef ref =
        publishing.startDataset(
            ALICE, new Listing("Old", "", SpdxLicense.of("CC0-1.0"), Set.of()), "o.csv");
    approveNextVersion(ref, METADATA_V1);
    VersionRef second = publishing.startVersion(ALICE, ref.dataset(), "o2.csv");
    approveNextVersion(second, METADATA_V2);
    operations.byKey.clear(); // as if both were approved before tokenization existed

    assertThat(tokenization.enqueueApproved(100)).isEqualTo(2);
    assertThat(tokenization.enqueueApproved(100)).isZero();

    assertThat(mintOf(ref.dataset()).version()).isEqualTo(1);
    assertThat(operations.get(TokenOperation.versionKey(ref.dataset(), 2))).isNotNull();
  }

  @Test
  void aVersionApprovedBeforeTokenizationIsMintedFirstWhenALaterOneIsApproved() {
    VersionRef ref =
        publishing.startDataset(
            ALICE, new Listing("Old", "", SpdxLicense.of("CC0-1.0"), Set.of()), "o.csv");
    approveNextVersion(ref, METADATA_V1);
    operations.byKey.clear();
    VersionRef second = publishing.startVersion(ALICE, ref.dataset(), "o2.csv");

    approveNextVersion(second, METADATA_V2);

    assertThat(mintOf(ref.dataset()).version()).isEqualTo(1);
    assertThat(operations.get(TokenOperation.versionKey(ref.dataset(), 2))).isNotNull();
  }

  @Test
  void enqueueingTwiceQueuesOnce() {
    DatasetId dataset = approvedDataset();

    tokenization.onVersionApproved(new VersionApproved(dataset, 1));

    assertThat(operations.byKey).hasSize(1);
  }

  @Test
  void aMintEventCompletesAnOperationWhoseOutcomeWasNeverRecorded() {
    DatasetId dataset = approvedDataset();
    ChainOperationKey key = TokenOperation.mintKey(dataset);
    TxHash sent = TxHash.of("0x" + "ef".repeat(32));
    transactions.sent(key, sent);
    chain.failures.add(() -> new ChainUnavailableException("crashed while waiting", null));
    processor.processDue(10);

    tokenization.applyConfirmed(minted(sent, 12, 9));

    TokenOperation mint = mintOf(dataset);
    assertThat(mint.status()).isEqualTo(TokenStatus.MINTED);
    assertThat(mint.tokenId()).contains(DataNftId.of(9));
    assertThat(mint.confirmedBlock()).contains(12L);
  }

  @Test
  void aMintEventConfirmsTheRecordedMintAndIsIdempotent() {
    DatasetId dataset = approvedDataset();
    processor.processDue(10);
    TokenOperation mint = mintOf(dataset);

    ChainEvent event = minted(mint.transaction().orElseThrow(), 30, 1);
    tokenization.applyConfirmed(event);
    tokenization.applyConfirmed(event);

    assertThat(mint.confirmedBlock()).contains(30L);
    assertThat(tokenization.token(dataset, ALICE, false).orElseThrow().confirmed()).isTrue();
  }

  @Test
  void eventsOfOtherTransactionsAreIgnored() {
    DatasetId dataset = approvedDataset();

    tokenization.applyConfirmed(minted(TxHash.of("0x" + "01".repeat(32)), 5, 1));

    assertThat(mintOf(dataset).status()).isEqualTo(TokenStatus.QUEUED);
  }

  @Test
  void aReorganisationSendsTheMintBackAndTheWorkerChecksItAgain() {
    DatasetId dataset = approvedDataset();
    processor.processDue(10);
    TokenOperation mint = mintOf(dataset);
    tokenization.applyConfirmed(minted(mint.transaction().orElseThrow(), 30, 1));

    tokenization.rollBackFrom(25);

    assertThat(mint.status()).isEqualTo(TokenStatus.SUBMITTED);
    assertThat(mint.confirmedBlock()).isEmpty();
    processor.processDue(10);
    assertThat(mint.status()).isEqualTo(TokenStatus.MINTED);
    assertThat(chain.mints).as("the same key: no second mint").hasSize(1);
  }

  @Test
  void listingChangesOnChainAreRecordedOnTheMint() {
    DatasetId dataset = approvedDataset();
    processor.processDue(10);

    tokenization.applyConfirmed(
        new ChainEvent(
            Chain.DATA_NFT,
            "ListingStatusChanged",
            40,
            "0xblock",
            TxHash.of("0x" + "02".repeat(32)),
            0,
            Map.of("datasetId", "1", "status", "2", "moderator", "0x00", "reason", "spam")));

    assertThat(tokenization.token(dataset, ALICE, false).orElseThrow().listing())
        .contains(ListingStatus.UNLISTED);
  }

  @Test
  void othersSeeTheTokenOnlyOnceTheDatasetIsListed() {
    VersionRef ref =
        publishing.startDataset(
            ALICE, new Listing("Draft", "", SpdxLicense.of("CC0-1.0"), Set.of()), "d.csv");

    assertThat(tokenization.token(ref.dataset(), ALICE, false)).isEmpty();
    assertThat(tokenization.token(ref.dataset(), BOB, true)).isEmpty();
    assertThatThrownBy(() -> tokenization.token(ref.dataset(), BOB, false))
        .isInstanceOf(PublishingService.UnknownDatasetException.class);

    DatasetId listed = approvedDataset();
    assertThat(tokenization.token(listed, BOB, false)).isPresent();
  }

  private static ChainEvent minted(TxHash tx, long block, long token) {
    return new ChainEvent(
        Chain.DATA_NFT,
        "DatasetMinted",
        block,
        "0xblock" + block,
        tx,
        1,
        Map.of(
            "datasetId",
            Long.toString(token),
            "contributor",
            ALICE_WALLET.value(),
            "datatoken",
            "0x" + "7e".repeat(20),
            "license",
            "CC-BY-4.0"));
  }
}
