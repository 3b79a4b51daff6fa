/** Datasets on chain: the DataNFT and datatoken adapter. */
package io.datamint.chain.tokenizer;
