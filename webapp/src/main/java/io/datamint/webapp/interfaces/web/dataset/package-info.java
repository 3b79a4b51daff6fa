/**
 * The dataset page, shared by every role: metadata, versions with their processing progress,
 * schema, statistics, personal-data flags, CIDs and the public preview; the owner's and the
 * reviewer's actions on it.
 */
package io.datamint.webapp.interfaces.web.dataset;
