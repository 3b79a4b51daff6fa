/**
 * Validation of crowd labels: the batch of annotations a campaign hands to the validation pipeline,
 * the scores that come back (per label, per item, per labeler) and the job queue port between the
 * application and the validation workers. The scoring itself lives in the gpu-validation module;
 * this package only names what crosses the boundary.
 */
package io.datamint.domain.model.validation;
