package com.agentfactory.support.knowledge;

/**
 * A retrieved passage.
 *
 * @param score reciprocal-rank-fusion score of the keyword and vector rankings
 * @param keywordRank 1-based BM25 rank, 0 when the keyword search did not return it
 * @param vectorRank 1-based rank by cosine similarity, 0 when the vector search did not return it
 * @param similarity cosine similarity of passage and query embeddings
 */
public record ScoredPassage(Passage passage, double score, int keywordRank, int vectorRank, double similarity) {}
