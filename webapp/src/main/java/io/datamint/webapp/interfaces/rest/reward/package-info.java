/**
 * REST for the rewards (flow 4): a labeler's rewards per campaign (earned, settled, claimed,
 * claimable, a claim on its way, with transaction hashes), the relayed claim, and the admin's retry
 * of a failed settlement or claim.
 */
package io.datamint.webapp.interfaces.rest.reward;
