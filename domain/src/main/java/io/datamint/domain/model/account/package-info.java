/**
 * Accounts: people as the marketplace knows them, their roles and the custodial wallet that the
 * platform holds for each of them.
 */
package io.datamint.domain.model.account;
