package io.datamint.chain.gas;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamint.chain.ChainClient;
import io.datamint.chain.ChainFixture;
import io.datamint.chain.escrow.Web3jRewardEscrow;
import io.datamint.chain.generated.MockPaymentToken;
import io.datamint.chain.sales.Web3jDatasetSales;
import io.datamint.chain.tokenizer.Web3jDatasetTokenizer;
import io.datamint.domain.model.chain.ChainOperationKey;
import io.datamint.domain.model.chain.DataNftId;
import io.datamint.domain.model.chain.DatasetTokenizer.DatasetMint;
import io.datamint.domain.model.chain.Entitlement;
import io.datamint.domain.model.chain.EscrowCampaignId;
import io.datamint.domain.model.chain.TokenAmount;
import io.datamint.domain.model.chain.TxHash;
import io.datamint.domain.model.dataset.Cid;
import io.datamint.domain.model.dataset.ContentHash;
import io.datamint.domain.model.dataset.SpdxLicense;
import io.datamint.domain.model.shared.WalletAddress;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Measures the gas of each operation from real receipts on anvil (intrinsic gas and calldata
 * included, unlike a forge gas report) and writes target/gas-report.md for docs/benchmarks.md.
 */
class GasUsageIT {

  static ChainOperationKey key(String what) {
    return ChainOperationKey.of(what, UUID.randomUUID());
  }

  static long gas(ChainFixture fixture, TxHash tx) throws Exception {
    return fixture
        .chain
        .web3j()
        .ethGetTransactionReceipt(tx.value())
        .send()
        .getTransactionReceipt()
        .orElseThrow()
        .getGasUsed()
        .longValueExact();
  }

  @Test
  void measuresTheGasOfEveryOperationAgainstPlainTransfers() throws Exception {
    try (ChainFixture fixture = ChainFixture.start()) {
      Web3jDatasetTokenizer tokenizer = new Web3jDatasetTokenizer(fixture.chain, fixture.contracts);
      Web3jDatasetSales sales = new Web3jDatasetSales(fixture.chain, fixture.contracts);
      Web3jRewardEscrow escrow = new Web3jRewardEscrow(fixture.chain, fixture.contracts);
      Map<String, Long> gas = new LinkedHashMap<>();

      var minted =
          tokenizer.mint(
              key("mint"),
              new DatasetMint(
                  ChainFixture.key(1).address(),
                  Cid.of("bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi"),
                  Cid.of("bafybeihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku"),
                  ContentHash.ofDigest(new byte[32]),
                  SpdxLicense.of("CC-BY-4.0"),
                  500,
                  "Dataset 1 access",
                  "DM1"));
      gas.put("mint DataNFT + datatoken clone", gas(fixture, minted.transaction()));
      DataNftId dataset = minted.tokenId();
      gas.put(
          "publish a version",
          gas(
              fixture,
              tokenizer
                  .publishVersion(
                      key("version"),
                      dataset,
                      Cid.of("bafybeie5gq4jxvzmsym6hjlwxej4rwdoxt7wadqvmmwbqi7r27fclha2va"),
                      Cid.of("bafybeihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku"),
                      ContentHash.ofDigest(new byte[32]))
                  .transaction()));
      sales.setPrice(key("price"), dataset, TokenAmount.ofTokens("25"));
      gas.put(
          "purchase (permit, split three ways, datatoken minted)",
          gas(
              fixture,
              sales
                  .buy(key("buy"), ChainFixture.key(2), dataset, TokenAmount.ofTokens("25"))
                  .transaction()));

      EscrowCampaignId campaign = EscrowCampaignId.of(UUID.randomUUID());
      long now =
          fixture
              .chain
              .web3j()
              .ethGetBlockByNumber(org.web3j.protocol.core.DefaultBlockParameterName.LATEST, false)
              .send()
              .getBlock()
              .getTimestamp()
              .longValueExact();
      gas.put(
          "open campaign + deposit budget (after approve)",
          gas(
              fixture,
              escrow.openCampaign(
                  key("open"),
                  ChainFixture.key(1),
                  campaign,
                  TokenAmount.ofTokens("500"),
                  Instant.ofEpochSecond(now + 86_400))));

      int labelers = 100;
      List<Entitlement> entitlements = new ArrayList<>();
      for (int i = 0; i < labelers; i++) {
        entitlements.add(
            new Entitlement(
                WalletAddress.of(String.format("0x%040x", 0x1000 + i)),
                TokenAmount.ofTokens("1.25")));
      }
      var settlement = escrow.postSettlement(key("settle"), campaign, entitlements);
      gas.put(
          "post settlement root (any number of labelers)", gas(fixture, settlement.transaction()));
      var claim = escrow.claim(key("claim"), campaign, entitlements, entitlements.get(0).labeler());
      gas.put(
          "claim, relayed (" + labelers + "-leaf tree, first payment to the labeler)",
          gas(fixture, claim.transaction()));

      MockPaymentToken token =
          MockPaymentToken.load(
              fixture.contracts.paymentToken().value(),
              fixture.chain.web3j(),
              fixture.chain.reader(),
              ChainClient.NO_GAS);
      String transfer =
          token
              .transfer(String.format("0x%040x", 0x9000), TokenAmount.ofTokens("1.25").units())
              .encodeFunctionCall();
      var receipt =
          fixture
              .chain
              .sender()
              .send(
                  key("transfer"),
                  fixture.chain.platform(),
                  fixture.contracts.paymentToken().value(),
                  transfer,
                  BigInteger.ZERO);
      long plainTransfer = receipt.getGasUsed().longValueExact();
      gas.put("plain ERC-20 transfer to a new labeler", plainTransfer);

      StringBuilder report = new StringBuilder("| operation | gas used (receipt) |\n|---|---:|\n");
      gas.forEach(
          (op, used) -> report.append("| ").append(op).append(" | ").append(used).append(" |\n"));
      long root = gas.get("post settlement root (any number of labelers)");
      long claimGas = gas.values().stream().skip(5).findFirst().orElseThrow();
      report
          .append("\nPaying ")
          .append(labelers)
          .append(" labelers per epoch: plain transfers ")
          .append(labelers * plainTransfer)
          .append(" gas, all paid by the platform; escrow ")
          .append(root)
          .append(" gas for the root, plus ")
          .append(claimGas)
          .append(" per claim, only for labelers who claim, at a time they choose.\n");
      Path out = Path.of("target", "gas-report.md");
      Files.writeString(out, report);
      System.out.println(report);
      assertThat(gas).allSatisfy((op, used) -> assertThat(used).isPositive());
    }
  }
}
