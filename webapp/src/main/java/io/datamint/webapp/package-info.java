/**
 * The web application: wires the domain's ports to their adapters and serves the Vaadin UI and the
 * REST API from one WAR on Payara Micro.
 */
package io.datamint.webapp;
