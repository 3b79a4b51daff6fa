/**
 * Labeling campaigns against the deployed WAR and the stack (PostgreSQL, Kubo, Keycloak, anvil).
 */
package io.datamint.it.campaign;
