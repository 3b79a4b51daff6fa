package io.datamint.domain.model.shared;

/**
 * Wraps secret keys (a version's data key, a custodial wallet key) under a master key that never
 * leaves the wrapper. The {@code context} is bound to the wrapped key (e.g. {@code
 * dataset:<id>:v2}): unwrapping with another context fails, so a wrapped key copied onto another
 * record is useless.
 */
public interface KeyWrapper {

  WrappedKey wrap(byte[] key, String context);

  /**
   * @throws java.security.GeneralSecurityException when the wrapped key was altered, belongs to
   *     another context, or was wrapped by a master key this wrapper does not hold
   */
  byte[] unwrap(WrappedKey wrapped, String context) throws java.security.GeneralSecurityException;
}
