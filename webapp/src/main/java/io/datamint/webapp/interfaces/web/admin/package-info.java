/** The admins' console: people, listings, reports and the audit log. */
package io.datamint.webapp.interfaces.web.admin;
