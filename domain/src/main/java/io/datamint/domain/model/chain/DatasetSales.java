package io.datamint.domain.model.chain;

import io.datamint.domain.model.shared.WalletAddress;

/**
 * Sales of dataset access on chain: prices, the fee split, purchases by custodial buyers and the
 * verification of an order from its transaction, which gates access.
 */
public interface DatasetSales {

  /** Sets the price in payment-token units; zero takes the dataset off sale. */
  TxHash setPrice(ChainOperationKey key, DataNftId dataset, TokenAmount price);

  /** The price and how it would be split now, shown to the buyer before paying. */
  FeeBreakdown quote(DataNftId dataset);

  /**
   * Buys access for a custodial buyer in one transaction (ERC-2612 permit, no prior approval).
   *
   * @param maxPrice the price the buyer saw; a higher price on chain makes the purchase fail
   */
  VerifiedOrder buy(
      ChainOperationKey key, WalletKey buyer, DataNftId dataset, TokenAmount maxPrice);

  /**
   * Reads the order from a purchase transaction's receipt and checks that it is a successful,
   * confirmed purchase of {@code dataset} by {@code buyer} through our purchase contract.
   *
   * @throws ChainRejectedException if it is not
   */
  VerifiedOrder verify(TxHash purchase, WalletAddress buyer, DataNftId dataset);

  /** A price and its split between contributor, labelers' royalty pool and platform. */
  record FeeBreakdown(
      TokenAmount price, TokenAmount contributor, TokenAmount labelerPool, TokenAmount platform) {}

  /** An order as the chain recorded it. */
  record VerifiedOrder(
      long orderId,
      DataNftId dataset,
      WalletAddress buyer,
      ContractAddress datatoken,
      FeeBreakdown fees,
      TxHash transaction,
      long blockNumber) {}
}
