package io.datamint.domain.model.campaign;

import io.datamint.domain.model.chain.ChainOperationKey;
import io.datamint.domain.model.chain.TokenAmount;
import io.datamint.domain.model.shared.WalletAddress;

/**
 * Makes sure a custodial wallet can pay a deposit: the amount in the payment token and gas for the
 * approval and the deposit. On a local development chain the adapter may top the wallet up (mint
 * the mock payment token, send ether from the platform); elsewhere it only checks and says what is
 * missing.
 */
public interface WalletFunds {

  /**
   * @param key the operation the funds are for; top-ups are idempotent operations derived from it
   * @throws io.datamint.domain.model.chain.ChainRejectedException with reason {@code
   *     InsufficientFunds} and a message saying what is missing, when the wallet cannot pay and is
   *     not topped up
   * @throws io.datamint.domain.model.chain.ChainUnavailableException when the chain is unreachable
   */
  void ensure(ChainOperationKey key, WalletAddress wallet, TokenAmount amount);
}
