/**
 * The REST API of labeling campaigns: contributors create, fund, pause, resume and close campaigns;
 * labelers lease tasks, label or skip them and list their labels. Errors are problem JSON like the
 * rest of the API.
 */
package io.datamint.webapp.interfaces.rest.campaign;
