/**
 * The public metadata JSON of a dataset version, stored in clear on IPFS and named by the data
 * NFT's {@code tokenURI}: what a buyer may know before buying.
 */
package io.datamint.pipeline.metadata;
