/**
 * The dataset aggregate: a contributor's dataset, its versions kept as history, the manifest an
 * inspection produced for each version, and the ports the publish flow needs (inspection,
 * encryption, content storage, pin bookkeeping, key wrapping). Value objects ({@link
 * io.datamint.domain.model.dataset.Cid}, {@link io.datamint.domain.model.dataset.ContentHash},
 * {@link io.datamint.domain.model.dataset.SpdxLicense}, ...) cross module boundaries instead of
 * bare strings.
 */
package io.datamint.domain.model.dataset;
