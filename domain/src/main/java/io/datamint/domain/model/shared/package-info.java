/** Value objects shared by every aggregate: addresses, identifiers and amounts. */
package io.datamint.domain.model.shared;
