/** The signed-in person's own profile: name, roles and custodial wallet. */
package io.datamint.webapp.interfaces.web.profile;
