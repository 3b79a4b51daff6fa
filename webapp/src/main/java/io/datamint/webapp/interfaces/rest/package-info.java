/**
 * The REST API under {@code /api}: bearer tokens from Keycloak (MicroProfile JWT), JSON in and out,
 * errors as problem details without stack traces.
 */
package io.datamint.webapp.interfaces.rest;
