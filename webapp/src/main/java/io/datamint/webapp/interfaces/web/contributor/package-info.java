/** Contributors' views: their datasets and what happens to them. */
package io.datamint.webapp.interfaces.web.contributor;
