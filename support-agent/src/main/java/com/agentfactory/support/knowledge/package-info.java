/** The store's help articles, searched by keywords (BM25) and by meaning (sentence embeddings), fused by rank. */
package com.agentfactory.support.knowledge;
