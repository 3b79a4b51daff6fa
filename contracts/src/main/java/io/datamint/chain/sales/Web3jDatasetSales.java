package io.datamint.chain.sales;

import io.datamint.chain.ChainClient;
import io.datamint.chain.DatamintContracts;
import io.datamint.chain.generated.MockPaymentToken;
import io.datamint.chain.generated.Purchase;
import io.datamint.domain.model.chain.ChainOperationKey;
import io.datamint.domain.model.chain.ChainRejectedException;
import io.datamint.domain.model.chain.ChainUnavailableException;
import io.datamint.domain.model.chain.ContractAddress;
import io.datamint.domain.model.chain.DataNftId;
import io.datamint.domain.model.chain.DatasetSales;
import io.datamint.domain.model.chain.TokenAmount;
import io.datamint.domain.model.chain.TxHash;
import io.datamint.domain.model.chain.WalletKey;
import io.datamint.domain.model.shared.WalletAddress;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.web3j.abi.TypeEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Sign;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tuples.generated.Tuple3;
import org.web3j.utils.Numeric;

/**
 * Sells dataset access through the Purchase contract. Custodial buyers pay in one transaction by
 * signing an ERC-2612 permit; any purchase, custodial or not, is verified from its receipt and its
 * {@code OrderStarted} event before access is granted.
 */
public final class Web3jDatasetSales implements DatasetSales {

  private static final byte[] PERMIT_TYPEHASH =
      Hash.sha3(
          "Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)"
              .getBytes(java.nio.charset.StandardCharsets.UTF_8));
  private static final long PERMIT_VALIDITY_SECONDS = 3_600;

  private final ChainClient chain;
  private final Purchase purchase;
  private final MockPaymentToken paymentToken;
  private final String address;

  public Web3jDatasetSales(ChainClient chain, DatamintContracts contracts) {
    this.chain = Objects.requireNonNull(chain, "chain must not be null");
    this.address = contracts.purchase().value();
    this.purchase = Purchase.load(address, chain.web3j(), chain.reader(), ChainClient.NO_GAS);
    // Any ERC-2612 token has these functions; the mock's wrapper is only used to call them.
    this.paymentToken =
        MockPaymentToken.load(
            contracts.paymentToken().value(), chain.web3j(), chain.reader(), ChainClient.NO_GAS);
  }

  @Override
  public TxHash setPrice(ChainOperationKey key, DataNftId dataset, TokenAmount price) {
    String data = purchase.setPrice(id(dataset), price.units()).encodeFunctionCall();
    return TxHash.of(
        chain
            .sender()
            .send(key, chain.platform(), address, data, BigInteger.ZERO)
            .getTransactionHash());
  }

  @Override
  public FeeBreakdown quote(DataNftId dataset) {
    BigInteger price = chain.read(purchase.priceOf(id(dataset)), "the price of " + dataset);
    Tuple3<BigInteger, BigInteger, BigInteger> split =
        chain.read(purchase.quote(price), "the fee split");
    return new FeeBreakdown(
        TokenAmount.ofUnits(price),
        TokenAmount.ofUnits(split.component1()),
        TokenAmount.ofUnits(split.component2()),
        TokenAmount.ofUnits(split.component3()));
  }

  @Override
  public VerifiedOrder buy(
      ChainOperationKey key, WalletKey buyer, DataNftId dataset, TokenAmount maxPrice) {
    Credentials credentials = ChainClient.credentials(buyer);
    BigInteger deadline = latestTimestamp().add(BigInteger.valueOf(PERMIT_VALIDITY_SECONDS));
    Sign.SignatureData signature = permit(credentials, maxPrice.units(), deadline);
    String data =
        purchase
            .buyWithPermit(
                id(dataset),
                maxPrice.units(),
                deadline,
                BigInteger.valueOf(Byte.toUnsignedInt(signature.getV()[0])),
                signature.getR(),
                signature.getS())
            .encodeFunctionCall();
    TransactionReceipt receipt =
        chain.sender().send(key, credentials, address, data, BigInteger.ZERO);
    return toOrder(receipt, buyer.address(), dataset);
  }

  @Override
  public VerifiedOrder verify(TxHash transaction, WalletAddress buyer, DataNftId dataset) {
    Optional<TransactionReceipt> receipt;
    try {
      receipt =
          chain
              .web3j()
              .ethGetTransactionReceipt(transaction.value())
              .send()
              .getTransactionReceipt();
    } catch (IOException e) {
      throw new ChainUnavailableException("cannot read the receipt of " + transaction, e);
    }
    if (receipt.isEmpty()) {
      throw new ChainRejectedException(
          "OrderNotMined", "purchase " + transaction + " is not mined (yet)");
    }
    if (!receipt.get().isStatusOK()) {
      throw new ChainRejectedException("OrderReverted", "purchase " + transaction + " reverted");
    }
    return toOrder(receipt.get(), buyer, dataset);
  }

  /** The payment token balance of an account. */
  public TokenAmount balanceOf(WalletAddress account) {
    return TokenAmount.ofUnits(
        chain.read(paymentToken.balanceOf(account.value()), "a payment token balance"));
  }

  private VerifiedOrder toOrder(
      TransactionReceipt receipt, WalletAddress buyer, DataNftId dataset) {
    List<Purchase.OrderStartedEventResponse> orders =
        ChainClient.events(
            receipt, address, Purchase.ORDERSTARTED_EVENT, Purchase::getOrderStartedEventFromLog);
    for (Purchase.OrderStartedEventResponse order : orders) {
      if (WalletAddress.of(order.buyer).equals(buyer) && order.datasetId.equals(id(dataset))) {
        return new VerifiedOrder(
            order.orderId.longValueExact(),
            dataset,
            buyer,
            ContractAddress.of(order.datatoken),
            new FeeBreakdown(
                TokenAmount.ofUnits(order.price),
                TokenAmount.ofUnits(order.contributorAmount),
                TokenAmount.ofUnits(order.poolAmount),
                TokenAmount.ofUnits(order.platformAmount)),
            TxHash.of(receipt.getTransactionHash()),
            receipt.getBlockNumber().longValueExact());
      }
    }
    throw new ChainRejectedException(
        "OrderNotFound",
        "transaction "
            + receipt.getTransactionHash()
            + " holds no order of dataset "
            + dataset
            + " by "
            + buyer
            + " from the purchase contract");
  }

  /** Signs the EIP-712 permit letting the purchase contract take {@code value}. */
  private Sign.SignatureData permit(Credentials owner, BigInteger value, BigInteger deadline) {
    BigInteger nonce = chain.read(paymentToken.nonces(owner.getAddress()), "the permit nonce");
    byte[] domainSeparator =
        chain.read(paymentToken.DOMAIN_SEPARATOR(), "the payment token's domain separator");
    String encoded =
        TypeEncoder.encode(new Bytes32(PERMIT_TYPEHASH))
            + TypeEncoder.encode(new Address(owner.getAddress()))
            + TypeEncoder.encode(new Address(address))
            + TypeEncoder.encode(new Uint256(value))
            + TypeEncoder.encode(new Uint256(nonce))
            + TypeEncoder.encode(new Uint256(deadline));
    byte[] structHash = Hash.sha3(Numeric.hexStringToByteArray(encoded));
    byte[] digestInput = new byte[2 + 32 + 32];
    digestInput[0] = 0x19;
    digestInput[1] = 0x01;
    System.arraycopy(domainSeparator, 0, digestInput, 2, 32);
    System.arraycopy(structHash, 0, digestInput, 34, 32);
    return Sign.signMessage(Hash.sha3(digestInput), owner.getEcKeyPair(), false);
  }

  private BigInteger latestTimestamp() {
    try {
      return chain
          .web3j()
          .ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false)
          .send()
          .getBlock()
          .getTimestamp();
    } catch (IOException e) {
      throw new ChainUnavailableException("cannot read the latest block", e);
    }
  }

  private static BigInteger id(DataNftId dataset) {
    return BigInteger.valueOf(dataset.value());
  }
}
