/**
 * Content encryption: streaming chunked AES-256-GCM ({@link
 * io.datamint.pipeline.crypto.ChunkedAesGcmCipher}), per-version data keys ({@link
 * io.datamint.pipeline.crypto.DataKeys}) and master-key wrapping ({@link
 * io.datamint.pipeline.crypto.AesGcmKeyWrapper}), which also serves custodial wallet keys.
 */
package io.datamint.pipeline.crypto;
