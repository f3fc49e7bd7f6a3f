package com.agentfactory.support.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

/** BM25 over the passages in an in-memory Lucene index; built once, then searched concurrently. */
final class KeywordIndex {

    // a message can be long; the first distinct terms carry the question and keep the query cheap
    private static final int MAX_QUERY_TERMS = 64;
    private static final float TITLE_BOOST = 1.5f;

    private final Analyzer analyzer = new EnglishAnalyzer();
    private final IndexSearcher searcher;

    KeywordIndex(List<Passage> passages) {
        var directory = new ByteBuffersDirectory();
        try (var writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            for (Passage passage : passages) {
                var document = new Document();
                document.add(new StringField("id", passage.id(), Field.Store.YES));
                document.add(new TextField("title", passage.articleTitle() + " " + passage.heading(), Field.Store.NO));
                document.add(new TextField("text", passage.text(), Field.Store.NO));
                writer.addDocument(document);
            }
            writer.commit();
            searcher = new IndexSearcher(DirectoryReader.open(directory));
        } catch (IOException e) {
            throw new UncheckedIOException("could not build the knowledge index", e);
        }
    }

    /** Passage ids, best BM25 score first; empty when no term of the query occurs in any passage. */
    List<String> search(String query, int limit) {
        Set<String> terms = terms(query);
        if (terms.isEmpty()) {
            return List.of();
        }
        var builder = new BooleanQuery.Builder();
        for (String term : terms) {
            builder.add(new TermQuery(new Term("text", term)), BooleanClause.Occur.SHOULD);
            builder.add(
                    new BoostQuery(new TermQuery(new Term("title", term)), TITLE_BOOST), BooleanClause.Occur.SHOULD);
        }
        try {
            ScoreDoc[] hits = searcher.search(builder.build(), limit).scoreDocs;
            StoredFields stored = searcher.storedFields();
            List<String> ids = new ArrayList<>(hits.length);
            for (ScoreDoc hit : hits) {
                ids.add(stored.document(hit.doc).get("id"));
            }
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException("knowledge search failed", e);
        }
    }

    private Set<String> terms(String text) {
        Set<String> terms = new LinkedHashSet<>();
        try (var stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken() && terms.size() < MAX_QUERY_TERMS) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }
}
