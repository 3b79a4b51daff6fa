package io.datamint.domain.model.dataset;

/**
 * Writes a version's public metadata document (the data NFT's {@code tokenURI} target): what the
 * catalog may show of the dataset, where its encrypted content and public preview are.
 */
@FunctionalInterface
public interface PublicMetadata {

  byte[] compose(
      Dataset dataset, int versionNumber, Cid contentCid, long encryptedBytes, Cid previewCid);
}
