/** What the suites share: the deployed application, the stack's script, Keycloak tokens. */
package io.datamint.it.support;
