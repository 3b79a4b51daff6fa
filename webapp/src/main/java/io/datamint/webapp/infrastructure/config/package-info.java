/** Configuration read through MicroProfile Config: one typed place per concern. */
package io.datamint.webapp.infrastructure.config;
