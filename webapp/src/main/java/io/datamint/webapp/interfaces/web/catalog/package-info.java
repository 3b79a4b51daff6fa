/** The catalog of listed datasets, the buyers' home. */
package io.datamint.webapp.interfaces.web.catalog;
