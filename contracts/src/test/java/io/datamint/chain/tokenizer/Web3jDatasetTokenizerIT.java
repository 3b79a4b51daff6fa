package io.datamint.chain.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.chain.ChainFixture;
import io.datamint.domain.model.chain.ChainOperationKey;
import io.datamint.domain.model.chain.ChainRejectedException;
import io.datamint.domain.model.chain.DatasetTokenizer.DatasetMint;
import io.datamint.domain.model.chain.DatasetTokenizer.MintedDataset;
import io.datamint.domain.model.chain.DatasetTokenizer.Moderation;
import io.datamint.domain.model.chain.DatasetTokenizer.PublishedVersion;
import io.datamint.domain.model.dataset.Cid;
import io.datamint.domain.model.dataset.ContentHash;
import io.datamint.domain.model.dataset.SpdxLicense;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class Web3jDatasetTokenizerIT {

  static final Cid META_1 = Cid.of("QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG");
  static final Cid CONTENT_1 = Cid.of("QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o");
  static final Cid META_2 = Cid.of("QmZ4tDuvesekSs4qM5ZBKpXiZGun7S2CYtEZRB3DYXkjGx");
  static final ContentHash HASH = ContentHash.ofDigest(new byte[32]);

  static ChainFixture fixture;
  static Web3jDatasetTokenizer tokenizer;

  @BeforeAll
  static void startChain() throws Exception {
    fixture = ChainFixture.start();
    tokenizer = new Web3jDatasetTokenizer(fixture.chain, fixture.contracts);
  }

  @AfterAll
  static void stopChain() {
    fixture.close();
  }

  static DatasetMint request() {
    return new DatasetMint(
        ChainFixture.key(1).address(),
        META_1,
        CONTENT_1,
        HASH,
        SpdxLicense.of("CC-BY-4.0"),
        500,
        "Cats access",
        "DMCAT");
  }

  static ChainOperationKey key(String what) {
    return ChainOperationKey.of(what, UUID.randomUUID());
  }

  @Test
  void mintsTheDataNftWithItsDatatokenToTheContributor() {
    MintedDataset minted = tokenizer.mint(key("mint"), request());

    assertThat(minted.dataNft()).isEqualTo(fixture.contracts.dataNft());
    assertThat(minted.datatoken()).isNotEqualTo(minted.dataNft());
    assertThat(tokenizer.tokenUri(minted.tokenId())).isEqualTo("ipfs://" + META_1.value());
    assertThat(tokenizer.versionOf(minted.tokenId())).isEqualTo(1);
  }

  @Test
  void retryingAMintWithTheSameKeyDoesNotMintASecondDataset() {
    ChainOperationKey key = key("mint");
    MintedDataset first = tokenizer.mint(key, request());
    MintedDataset again = tokenizer.mint(key, request());

    assertThat(again).isEqualTo(first);
    MintedDataset next = tokenizer.mint(key("mint"), request());
    assertThat(next.tokenId().value()).isEqualTo(first.tokenId().value() + 1);
  }

  @Test
  void publishesANewVersionWithNewMetadata() {
    MintedDataset minted = tokenizer.mint(key("mint"), request());

    PublishedVersion version =
        tokenizer.publishVersion(key("version"), minted.tokenId(), META_2, CONTENT_1, HASH);

    assertThat(version.version()).isEqualTo(2);
    assertThat(tokenizer.tokenUri(minted.tokenId())).isEqualTo("ipfs://" + META_2.value());
  }

  @Test
  void aRevokedDatasetRefusesVersionsWithTheDecodedCustomError() {
    MintedDataset minted = tokenizer.mint(key("mint"), request());
    tokenizer.moderate(key("revoke"), minted.tokenId(), Moderation.REVOKE, "illegal content");

    assertThatThrownBy(
            () ->
                tokenizer.publishVersion(key("version"), minted.tokenId(), META_2, CONTENT_1, HASH))
        .isInstanceOf(ChainRejectedException.class)
        .hasMessageContaining("DataNFTDatasetRevoked(datasetId=" + minted.tokenId().value() + ")")
        .extracting(e -> ((ChainRejectedException) e).reason())
        .isEqualTo("DataNFTDatasetRevoked");
  }
}
