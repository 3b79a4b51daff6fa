package io.datamint.domain.model.dataset;

/**
 * Gives each content its data key. Derived from the plaintext's hash under the master key, so that
 * the same bytes always encrypt to the same ciphertext (and the same content CID): a processing run
 * repeated after a crash reproduces what it may already have stored.
 */
@FunctionalInterface
public interface ContentKeys {

  DataKey forContent(ContentHash plaintextHash);
}
