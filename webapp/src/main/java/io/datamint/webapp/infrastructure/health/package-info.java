/**
 * MicroProfile Health checks, one per system the application depends on, each asking the system
 * itself a cheap question with a short timeout, so that {@code /health} tells the truth.
 */
package io.datamint.webapp.infrastructure.health;
