package io.datamint.chain.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.chain.ChainFixture;
import io.datamint.chain.tokenizer.Web3jDatasetTokenizer;
import io.datamint.domain.model.chain.ChainOperationKey;
import io.datamint.domain.model.chain.ChainRejectedException;
import io.datamint.domain.model.chain.DataNftId;
import io.datamint.domain.model.chain.DatasetSales.FeeBreakdown;
import io.datamint.domain.model.chain.DatasetSales.VerifiedOrder;
import io.datamint.domain.model.chain.DatasetTokenizer.DatasetMint;
import io.datamint.domain.model.chain.TokenAmount;
import io.datamint.domain.model.chain.WalletKey;
import io.datamint.domain.model.dataset.Cid;
import io.datamint.domain.model.dataset.ContentHash;
import io.datamint.domain.model.dataset.SpdxLicense;
import io.datamint.domain.model.shared.WalletAddress;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class Web3jDatasetSalesIT {

  static ChainFixture fixture;
  static Web3jDatasetTokenizer tokenizer;
  static Web3jDatasetSales sales;
  static final WalletKey CONTRIBUTOR = ChainFixture.key(1);
  static final WalletKey BUYER = ChainFixture.key(2);

  @BeforeAll
  static void startChain() throws Exception {
    fixture = ChainFixture.start();
    tokenizer = new Web3jDatasetTokenizer(fixture.chain, fixture.contracts);
    sales = new Web3jDatasetSales(fixture.chain, fixture.contracts);
  }

  @AfterAll
  static void stopChain() {
    fixture.close();
  }

  static ChainOperationKey key(String what) {
    return ChainOperationKey.of(what, UUID.randomUUID());
  }

  static DataNftId datasetPricedAt(String tokens) {
    DataNftId id =
        tokenizer
            .mint(
                key("mint"),
                new DatasetMint(
                    CONTRIBUTOR.address(),
                    Cid.of("QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG"),
                    Cid.of("QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o"),
                    ContentHash.ofDigest(new byte[32]),
                    SpdxLicense.of("CC0-1.0"),
                    0,
                    "Access",
                    "DT"))
            .tokenId();
    sales.setPrice(key("price"), id, TokenAmount.ofTokens(tokens));
    return id;
  }

  @Test
  void quotesThePriceSplitBeforeTheBuyerPays() {
    DataNftId dataset = datasetPricedAt("100");

    assertThat(sales.quote(dataset))
        .isEqualTo(
            new FeeBreakdown(
                TokenAmount.ofTokens("100"),
                TokenAmount.ofTokens("75"),
                TokenAmount.ofTokens("20"),
                TokenAmount.ofTokens("5")));
  }

  @Test
  void aCustodialBuyerPaysInOneTransactionAndTheSplitReachesEveryone() {
    DataNftId dataset = datasetPricedAt("40");
    WalletAddress platform = WalletAddress.of(fixture.chain.platform().getAddress());
    TokenAmount buyerBefore = sales.balanceOf(BUYER.address());
    TokenAmount contributorBefore = sales.balanceOf(CONTRIBUTOR.address());
    TokenAmount platformBefore = sales.balanceOf(platform);

    VerifiedOrder order = sales.buy(key("buy"), BUYER, dataset, TokenAmount.ofTokens("40"));

    assertThat(order.fees().contributor()).isEqualTo(TokenAmount.ofTokens("30"));
    assertThat(buyerBefore.minus(sales.balanceOf(BUYER.address())))
        .isEqualTo(TokenAmount.ofTokens("40"));
    assertThat(sales.balanceOf(CONTRIBUTOR.address()).minus(contributorBefore))
        .isEqualTo(TokenAmount.ofTokens("30"));
    // The demo deployment makes the platform the labelers' pool too: 20 % + 5 %.
    assertThat(sales.balanceOf(platform).minus(platformBefore))
        .isEqualTo(TokenAmount.ofTokens("10"));
  }

  @Test
  void theBackendVerifiesAnOrderFromItsTransaction() {
    DataNftId dataset = datasetPricedAt("10");
    VerifiedOrder bought = sales.buy(key("buy"), BUYER, dataset, TokenAmount.ofTokens("10"));

    VerifiedOrder verified = sales.verify(bought.transaction(), BUYER.address(), dataset);

    assertThat(verified).isEqualTo(bought);
    assertThatThrownBy(() -> sales.verify(bought.transaction(), CONTRIBUTOR.address(), dataset))
        .isInstanceOf(ChainRejectedException.class)
        .hasMessageContaining("holds no order");
  }

  @Test
  void aPriceAboveWhatTheBuyerSawIsRefusedWithADecodedError() {
    DataNftId dataset = datasetPricedAt("50");

    assertThatThrownBy(() -> sales.buy(key("buy"), BUYER, dataset, TokenAmount.ofTokens("49")))
        .isInstanceOf(ChainRejectedException.class)
        .hasMessageContaining("PurchasePriceAboveMaximum(price=50000000000000000000");
  }
}
