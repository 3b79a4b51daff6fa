package io.datamint.domain.model.campaign;

import io.datamint.domain.model.chain.TokenAmount;
import io.datamint.domain.model.shared.WalletAddress;

/** What a wallet holds of the payment token, read from the chain (shown before funding). */
public interface WalletBalances {

  /**
   * @throws io.datamint.domain.model.chain.ChainUnavailableException when the chain is unreachable
   */
  TokenAmount paymentTokens(WalletAddress wallet);
}
