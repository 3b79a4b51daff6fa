/**
 * Client suites of the validation pipeline as the application uses it: crowd labels uploaded over
 * REST, scored by real worker processes, results read back.
 */
package io.datamint.it.validation;
