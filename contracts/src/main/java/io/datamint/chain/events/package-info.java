/**
 * Reads our contracts' events back from the chain once they are confirmed, and rolls back what a
 * reorganisation took away, so that the database follows the chain.
 */
package io.datamint.chain.events;
