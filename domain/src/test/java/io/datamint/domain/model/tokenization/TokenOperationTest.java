package io.datamint.domain.model.tokenization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.domain.model.chain.ContractAddress;
import io.datamint.domain.model.chain.DataNftId;
import io.datamint.domain.model.chain.TxHash;
import io.datamint.domain.model.dataset.DatasetId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenOperationTest {

  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private static final DatasetId DATASET = DatasetId.of("5f0c1d52-8a3b-4a51-9d1e-0a4c7f1e2b3c");
  private static final TxHash TX = TxHash.of("0x" + "ab".repeat(32));
  private static final ContractAddress NFT = ContractAddress.of("0x" + "11".repeat(20));
  private static final ContractAddress DATATOKEN = ContractAddress.of("0x" + "22".repeat(20));

  private static TokenOperation minted() {
    TokenOperation mint = TokenOperation.mint(DATASET, 1, T0);
    mint.claim(T0, Duration.ofMinutes(3));
    mint.minted(DataNftId.of(7), NFT, DATATOKEN, TX, T0);
    return mint;
  }

  @Test
  void keysAreDerivedFromTheBusinessOperation() {
    assertThat(TokenOperation.mint(DATASET, 1, T0).key().value())
        .isEqualTo("mint:dataset:5f0c1d52-8a3b-4a51-9d1e-0a4c7f1e2b3c");
    assertThat(TokenOperation.publishVersion(DATASET, 3, T0).key().value())
        .isEqualTo("version:dataset:5f0c1d52-8a3b-4a51-9d1e-0a4c7f1e2b3c:3");
  }

  @Test
  void aNewOperationIsQueuedAndDueAtOnce() {
    TokenOperation mint = TokenOperation.mint(DATASET, 1, T0);

    assertThat(mint.status()).isEqualTo(TokenStatus.QUEUED);
    assertThat(mint.isDue(T0)).isTrue();
  }

  @Test
  void aClaimKeepsOthersOffUntilTheLeaseEnds() {
    TokenOperation mint = TokenOperation.mint(DATASET, 1, T0);

    mint.claim(T0, Duration.ofMinutes(3));

    assertThat(mint.attempts()).isEqualTo(1);
    assertThat(mint.isDue(T0.plusSeconds(60))).isFalse();
    assertThat(mint.isDue(T0.plusSeconds(180))).isTrue();
    assertThatThrownBy(() -> mint.claim(T0.plusSeconds(1), Duration.ofMinutes(3)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aPostponedOperationStaysQueuedWithItsReasonUntilTheBackOffEnds() {
    TokenOperation mint = TokenOperation.mint(DATASET, 1, T0);
    mint.claim(T0, Duration.ofMinutes(3));

    mint.postponed("the chain is unavailable", Optional.empty(), T0);

    assertThat(mint.status()).isEqualTo(TokenStatus.QUEUED);
    assertThat(mint.message()).get().asString().startsWith("the chain is unavailable");
    assertThat(mint.isDue(T0.plusSeconds(1))).isFalse();
    assertThat(mint.isDue(T0.plusSeconds(2))).isTrue();
  }

  @Test
  void aPostponedOperationWhoseTransactionWasRecordedIsSubmitted() {
    TokenOperation mint = TokenOperation.mint(DATASET, 1, T0);
    mint.claim(T0, Duration.ofMinutes(3));

    mint.postponed("no receipt yet", Optional.of(TX), T0);

    assertThat(mint.status()).isEqualTo(TokenStatus.SUBMITTED);
    assertThat(mint.transaction()).contains(TX);
  }

  @Test
  void aMintRecordsWhereTheTokenLivesAndClearsTheMessage() {
    TokenOperation mint = TokenOperation.mint(DATASET, 1, T0);
    mint.claim(T0, Duration.ofMinutes(3));
    mint.postponed("the chain is unavailable", Optional.empty(), T0);

    mint.minted(DataNftId.of(7), NFT, DATATOKEN, TX, T0.plusSeconds(5));

    assertThat(mint.status()).isEqualTo(TokenStatus.MINTED);
    assertThat(mint.tokenId()).contains(DataNftId.of(7));
    assertThat(mint.dataNft()).contains(NFT);
    assertThat(mint.datatoken()).contains(DATATOKEN);
    assertThat(mint.chainVersion()).contains(1L);
    assertThat(mint.message()).isEmpty();
    assertThat(mint.isDue(T0.plusSeconds(3600))).isFalse();
  }

  @Test
  void aVersionOperationCannotRecordAMint() {
    TokenOperation version = TokenOperation.publishVersion(DATASET, 2, T0);

    assertThatThrownBy(() -> version.minted(DataNftId.of(7), NFT, DATATOKEN, TX, T0))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aFailureIsFinalUntilRetried() {
    TokenOperation mint = TokenOperation.mint(DATASET, 1, T0);
    mint.claim(T0, Duration.ofMinutes(3));

    mint.failed("InsufficientFunds", "account 0x.. has not enough ETH", Optional.empty(), T0);

    assertThat(mint.status()).isEqualTo(TokenStatus.FAILED);
    assertThat(mint.failureReason()).contains("InsufficientFunds");
    assertThat(mint.isDue(T0.plusSeconds(3600))).isFalse();

    mint.retry(T0.plusSeconds(10));

    assertThat(mint.status()).isEqualTo(TokenStatus.QUEUED);
    assertThat(mint.message()).isEmpty();
    assertThat(mint.attempts()).isZero();
    assertThat(mint.isDue(T0.plusSeconds(10))).isTrue();
  }

  @Test
  void onlyAFailedOperationCanBeRetried() {
    assertThatThrownBy(() -> minted().retry(T0)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aReorganisationBelowTheConfirmationSendsADoneOperationBackToBeChecked() {
    TokenOperation mint = minted();
    mint.confirmed(40, T0);

    assertThat(mint.rolledBack(41, T0)).isFalse();
    assertThat(mint.status()).isEqualTo(TokenStatus.MINTED);

    assertThat(mint.rolledBack(40, T0.plusSeconds(1))).isTrue();
    assertThat(mint.status()).isEqualTo(TokenStatus.SUBMITTED);
    assertThat(mint.confirmedBlock()).isEmpty();
    assertThat(mint.isDue(T0.plusSeconds(1))).isTrue();
  }

  @Test
  void aReorganisationChecksADoneButUnconfirmedOperationAgain() {
    TokenOperation mint = minted();

    assertThat(mint.rolledBack(100, T0)).isTrue();

    assertThat(mint.status()).isEqualTo(TokenStatus.SUBMITTED);
  }

  @Test
  void theLatestListingChangeWinsAndARollbackForgetsIt() {
    TokenOperation mint = minted();

    mint.listingChanged(ListingStatus.UNLISTED, 50, T0);
    mint.listingChanged(ListingStatus.LISTED, 45, T0);

    assertThat(mint.listing()).contains(ListingStatus.UNLISTED);
    mint.rolledBack(50, T0);
    assertThat(mint.listing()).isEmpty();
  }

  @Test
  void listingStatusesFollowTheContractsOrdinals() {
    assertThat(ListingStatus.fromChain("1")).contains(ListingStatus.LISTED);
    assertThat(ListingStatus.fromChain("3")).contains(ListingStatus.REVOKED);
    assertThat(ListingStatus.fromChain("9")).isEmpty();
    assertThat(ListingStatus.fromChain("x")).isEmpty();
  }
}
