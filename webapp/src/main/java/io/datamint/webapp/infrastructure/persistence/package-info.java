/**
 * PostgreSQL: the data source, the versioned schema migrations applied at start, and the JPA
 * implementations of the domain's repositories.
 */
package io.datamint.webapp.infrastructure.persistence;
