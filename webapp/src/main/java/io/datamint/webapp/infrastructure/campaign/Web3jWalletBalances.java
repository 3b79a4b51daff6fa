package io.datamint.webapp.infrastructure.campaign;

import io.datamint.domain.model.campaign.WalletBalances;
import io.datamint.domain.model.chain.ChainUnavailableException;
import io.datamint.domain.model.chain.TokenAmount;
import io.datamint.domain.model.shared.WalletAddress;
import io.datamint.webapp.infrastructure.chain.ChainConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;

/** A wallet's payment-token balance: one {@code balanceOf} call on the payment token. */
@ApplicationScoped
public class Web3jWalletBalances implements WalletBalances {

  @Inject ChainConnection chain;

  @Override
  public TokenAmount paymentTokens(WalletAddress wallet) {
    ChainConnection.Connected connection = chain.connect();
    String token = connection.contracts().paymentToken().value();
    Function balanceOf =
        new Function(
            "balanceOf",
            List.of(new Address(wallet.value())),
            List.of(new TypeReference<Uint256>() {}));
    try {
      String value =
          connection
              .client()
              .web3j()
              .ethCall(
                  Transaction.createEthCallTransaction(
                      wallet.value(), token, FunctionEncoder.encode(balanceOf)),
                  DefaultBlockParameterName.LATEST)
              .send()
              .getValue();
      @SuppressWarnings("rawtypes")
      List<Type> decoded = FunctionReturnDecoder.decode(value, balanceOf.getOutputParameters());
      if (decoded.isEmpty()) {
        throw new ChainUnavailableException("no payment token at " + token, null);
      }
      return TokenAmount.ofUnits((BigInteger) decoded.get(0).getValue());
    } catch (IOException e) {
      throw new ChainUnavailableException("cannot read the token balance of " + wallet, e);
    }
  }
}
