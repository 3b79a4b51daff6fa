package io.datamint.chain.wallet;

import io.datamint.domain.model.chain.WalletKey;
import io.datamint.domain.model.chain.WalletKeyFactory;
import io.datamint.domain.model.shared.WalletAddress;
import java.math.BigInteger;
import java.security.InvalidAlgorithmParameterException;
import java.security.NoSuchAlgorithmException;
import java.security.NoSuchProviderException;
import java.util.Objects;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/** Creates secp256k1 key pairs with web3j (Bouncy Castle, {@code SecureRandom} underneath). */
public final class Web3jWalletKeyFactory implements WalletKeyFactory {

  /** The order n of secp256k1: a private key must lie in [1, n-1]. */
  private static final BigInteger CURVE_ORDER = Sign.CURVE_PARAMS.getN();

  @Override
  public WalletKey create() {
    try {
      return toWalletKey(Keys.createEcKeyPair());
    } catch (InvalidAlgorithmParameterException
        | NoSuchAlgorithmException
        | NoSuchProviderException e) {
      // Only happens when the JVM has no usable EC provider: a deployment fault, not user input.
      throw new IllegalStateException("cannot create a secp256k1 key pair", e);
    }
  }

  @Override
  public WalletKey restore(byte[] privateKey) {
    Objects.requireNonNull(privateKey, "private key must not be null");
    if (privateKey.length != WalletKey.PRIVATE_KEY_LENGTH) {
      throw new IllegalArgumentException(
          "private key must be " + WalletKey.PRIVATE_KEY_LENGTH + " bytes");
    }
    BigInteger scalar = new BigInteger(1, privateKey);
    if (scalar.signum() == 0 || scalar.compareTo(CURVE_ORDER) >= 0) {
      throw new IllegalArgumentException("private key is outside the secp256k1 range");
    }
    return toWalletKey(ECKeyPair.create(scalar));
  }

  private static WalletKey toWalletKey(ECKeyPair keyPair) {
    Credentials credentials = Credentials.create(keyPair);
    // Keys.createEcKeyPair can yield a scalar shorter than 32 bytes; pad so storage is uniform.
    byte[] key = Numeric.toBytesPadded(keyPair.getPrivateKey(), WalletKey.PRIVATE_KEY_LENGTH);
    return new WalletKey(WalletAddress.of(credentials.getAddress()), key);
  }
}
