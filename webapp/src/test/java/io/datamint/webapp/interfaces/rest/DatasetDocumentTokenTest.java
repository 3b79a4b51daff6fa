package io.datamint.webapp.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamint.domain.model.chain.ContractAddress;
import io.datamint.domain.model.chain.DataNftId;
import io.datamint.domain.model.chain.TxHash;
import io.datamint.domain.model.dataset.ContributorId;
import io.datamint.domain.model.dataset.Dataset;
import io.datamint.domain.model.dataset.DatasetId;
import io.datamint.domain.model.dataset.SpdxLicense;
import io.datamint.domain.model.tokenization.DatasetToken;
import io.datamint.domain.model.tokenization.ListingStatus;
import io.datamint.domain.model.tokenization.TokenOperation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DatasetDocumentTokenTest {

  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private static final TxHash MINT_TX = TxHash.of("0x" + "ab".repeat(32));
  private static final ContractAddress NFT = ContractAddress.of("0x" + "11".repeat(20));
  private static final ContractAddress DATATOKEN = ContractAddress.of("0x" + "22".repeat(20));

  private final Dataset dataset =
      new Dataset(
          DatasetId.newId(),
          new ContributorId("alice"),
          "Pets",
          "",
          SpdxLicense.of("CC0-1.0"),
          Set.of(),
          "pets.csv",
          T0);

  @Test
  void aDatasetWithoutOperationsHasNoToken() {
    assertThat(DatasetDocument.of(dataset).token()).isNull();
    assertThat(DatasetDocument.of(dataset, Optional.empty()).token()).isNull();
  }

  @Test
  void aMintedDatasetShowsItsTokenContractsTransactionAndVersions() {
    TokenOperation mint = TokenOperation.mint(dataset.id(), 1, T0);
    mint.claim(T0, Duration.ofMinutes(3));
    mint.minted(DataNftId.of(7), NFT, DATATOKEN, MINT_TX, T0);
    mint.confirmed(12, T0);
    mint.listingChanged(ListingStatus.LISTED, 12, T0);
    TokenOperation version = TokenOperation.publishVersion(dataset.id(), 2, T0);
    version.claim(T0, Duration.ofMinutes(3));
    version.postponed("the chain is unavailable", Optional.empty(), T0);

    DatasetDocument.Token token =
        DatasetDocument.of(dataset, DatasetToken.of(List.of(mint, version))).token();

    assertThat(token.status()).isEqualTo("MINTED");
    assertThat(token.tokenId()).isEqualTo(7L);
    assertThat(token.dataNft()).isEqualTo(NFT.value());
    assertThat(token.datatoken()).isEqualTo(DATATOKEN.value());
    assertThat(token.transaction()).isEqualTo(MINT_TX.value());
    assertThat(token.message()).isNull();
    assertThat(token.confirmed()).isTrue();
    assertThat(token.listing()).isEqualTo("LISTED");
    assertThat(token.versions())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.version()).isEqualTo(2);
              assertThat(v.status()).isEqualTo("QUEUED");
              assertThat(v.message()).startsWith("the chain is unavailable");
              assertThat(v.transaction()).isNull();
              assertThat(v.confirmed()).isFalse();
            });
  }
}
