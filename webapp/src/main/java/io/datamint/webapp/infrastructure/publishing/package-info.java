/**
 * The publish flow's wiring: which adapters stand behind the domain's inspection, encryption, key
 * and IPFS ports, where uploads wait on disk, and the background worker that processes them and
 * resumes unfinished work after a restart.
 */
package io.datamint.webapp.infrastructure.publishing;
