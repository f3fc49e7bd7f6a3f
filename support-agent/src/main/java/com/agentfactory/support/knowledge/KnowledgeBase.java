package com.agentfactory.support.knowledge;

import com.agentfactory.support.intent.MiniLmTextEmbedder;
import com.agentfactory.support.intent.TextEmbedder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;

/**
 * The help articles, loaded at start and searched two ways: BM25 finds exact words (order, VAT, Klarna),
 * embeddings find the same meaning in other words ("my parcel never came"); reciprocal rank fusion merges both.
 */
@Service
public class KnowledgeBase {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeBase.class);

    private final KnowledgeProperties properties;
    private final Map<String, Passage> passages;
    private final KeywordIndex keywords;
    private final VectorIndex vectors;

    // the language pipeline's sentence model: one copy of the weights per JVM, and the same vector space
    @Autowired
    KnowledgeBase(KnowledgeProperties properties, ObjectProvider<TextEmbedder> embedder) {
        this(properties, load(properties.location()), embedder.getIfAvailable(MiniLmTextEmbedder::shared));
    }

    KnowledgeBase(KnowledgeProperties properties, List<Passage> passages, TextEmbedder embeddingModel) {
        this.properties = properties;
        this.passages = passages.stream()
                .collect(Collectors.toMap(Passage::id, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
        long started = System.nanoTime();
        this.keywords = new KeywordIndex(passages);
        this.vectors = new VectorIndex(embeddingModel, passages);
        log.info(
                "Knowledge base: {} passages from {} articles indexed in {} ms",
                passages.size(),
                passages.stream().map(Passage::articleId).distinct().count(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /** The best {@code limit} passages for the question, best first; empty for a blank question. */
    public List<ScoredPassage> search(String question, int limit) {
        if (question == null || question.isBlank() || limit < 1) {
            return List.of();
        }
        List<String> byKeyword = keywords.search(question, properties.candidates());
        List<VectorIndex.Hit> byMeaning = vectors.rank(question);
        Map<String, Double> similarity = new HashMap<>();
        byMeaning.forEach(hit -> similarity.put(hit.id(), hit.similarity()));
        List<String> vectorRanking = byMeaning.stream()
                .limit(properties.candidates())
                .map(VectorIndex.Hit::id)
                .toList();
        List<ScoredPassage> results = new ArrayList<>();
        for (var fused : ReciprocalRankFusion.fuse(List.of(byKeyword, vectorRanking), properties.rrfK())) {
            if (results.size() == limit) {
                break;
            }
            results.add(new ScoredPassage(
                    passages.get(fused.id()),
                    fused.score(),
                    fused.ranks()[0],
                    fused.ranks()[1],
                    similarity.getOrDefault(fused.id(), 0.0)));
        }
        return results;
    }

    /** Whether a retrieved passage is close enough in meaning to be offered as the answer. */
    public boolean answers(ScoredPassage passage) {
        return passage.similarity() >= properties.minSimilarity();
    }

    public int size() {
        return passages.size();
    }

    static List<Passage> load(String location) {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources(location);
            List<Passage> loaded = new ArrayList<>();
            java.util.Arrays.stream(resources)
                    .sorted(Comparator.comparing(resource -> Objects.requireNonNullElse(resource.getFilename(), "")))
                    .forEach(resource -> loaded.addAll(parse(resource)));
            if (loaded.isEmpty()) {
                throw new IllegalStateException("no knowledge articles found at " + location);
            }
            return loaded;
        } catch (IOException e) {
            throw new UncheckedIOException("could not list knowledge articles at " + location, e);
        }
    }

    private static List<Passage> parse(Resource resource) {
        String name = Objects.requireNonNull(resource.getFilename());
        String articleId = name.endsWith(".md") ? name.substring(0, name.length() - 3) : name;
        try (var in = resource.getInputStream()) {
            return ArticleParser.parse(articleId, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read knowledge article " + name, e);
        }
    }
}
