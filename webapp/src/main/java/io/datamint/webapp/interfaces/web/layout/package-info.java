/** The application shell: layout, navigation by role, the home that routes each role. */
package io.datamint.webapp.interfaces.web.layout;
