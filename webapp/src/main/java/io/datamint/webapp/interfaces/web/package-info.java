/**
 * The Vaadin user interface: one package per feature with its views. Views call application
 * services and show DTOs; they never touch entities' persistence or decide authorization, which
 * {@code @RolesAllowed} and the navigation access control do.
 */
package io.datamint.webapp.interfaces.web;
