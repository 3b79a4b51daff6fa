/** Selling dataset access: prices, permit purchases and order verification. */
package io.datamint.chain.sales;
