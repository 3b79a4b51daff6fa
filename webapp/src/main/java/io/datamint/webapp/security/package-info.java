/**
 * Who is calling: OpenID Connect sign-in for browsers, MicroProfile JWT bearer tokens for the API,
 * both issued by Keycloak, behind one authentication mechanism that routes each request.
 */
package io.datamint.webapp.security;
