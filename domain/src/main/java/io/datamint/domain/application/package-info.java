/**
 * Application services: one method per use case. Each loads aggregates through their repositories,
 * calls their verbs, and decides the transaction; views and REST resources only call these.
 */
package io.datamint.domain.application;
