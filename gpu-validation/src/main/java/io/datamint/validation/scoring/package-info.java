/**
 * The application service of the module: scores one {@link
 * io.datamint.domain.model.validation.ValidationBatch} (embed the item content, infer the truth,
 * apply the accept threshold). Used alike by the command line and by the worker.
 */
package io.datamint.validation.scoring;
