/** Labelers' views: campaigns open to them and their work. */
package io.datamint.webapp.interfaces.web.labeler;
