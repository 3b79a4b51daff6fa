/** The reward escrow adapter: campaign budgets, settlement roots and claims. */
package io.datamint.chain.escrow;
