/**
 * Personal-data scan: finds e-mail addresses, phone numbers, payment card numbers (Luhn) and IBANs
 * (mod-97) in text values, counts them, and masks them in examples and previews.
 */
package io.datamint.pipeline.pii;
