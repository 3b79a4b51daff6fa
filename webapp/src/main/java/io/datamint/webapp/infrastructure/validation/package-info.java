/**
 * The application's side of the validation pipeline (flow 3): the job queue of the gpu-validation
 * module over the container's data source, and the limits of uploaded crowd labels. The workers
 * that take the jobs are separate processes ({@code ./datamint run} starts one beside Payara).
 */
package io.datamint.webapp.infrastructure.validation;
