package cn.creditwindow.search;

import cn.creditwindow.search.analysis.Analyzers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.jsoup.Jsoup;

/**
 * The article index on a SolrCloud collection, over Solr's JSON API: the same fields as the embedded index
 * ({@link Fields}), analysed inside Solr by the same classes (package {@code analysis}, loaded by Solr as a plugin
 * jar; see the configset under {@code src/main/solr}), so a keyword finds the same articles on both. A keyword is a
 * filter on a grams field, looked up by the terms {@code analysis.KeywordFilter} gives (Solr's {@code field} query
 * parser with the field's query analyzer); ranking by relevance adds, as the embedded index does, a constant for each
 * keyword made of whole smartcn words, whose splits are found through Solr's term statistics. Facets are JSON terms
 * facets over every match; the overview is one grouped query.
 *
 * <p>{@link #upsert} reads the stored content hashes by real-time get (it sees what is not yet searchable), sends
 * only new and changed articles, and commits softly: once it returns, the next query finds them on every replica.
 * Ties in date order fall to the id (the embedded index keeps them in index order). Safe for concurrent use; no
 * state but the connection pool.
 */
public final class SolrArticleIndex implements ArticleIndex {
    private static final float WHOLE_WORD_BOOST = 2f;
    private static final String HIT_FIELDS = String.join(",", ArticleDocuments.HIT_FIELDS);
    private static final String ALL_FIELDS = HIT_FIELDS + "," + Fields.BODY + "," + Fields.CONTENT_HASH;
    private static final String NEWEST_FIRST = Fields.PUBLISHED + " desc," + Fields.ID + " asc";

    private final SolrNodes nodes;
    private final String collection;
    private final ObjectMapper mapper;
    private final Function<Collection<String>, Collection<String>> industryAncestors;
    private final KeywordQueries keywordQueries = new KeywordQueries(Analyzers.keywordLookup());

    /**
     * @param nodes             base addresses of the cluster's nodes ({@code http://host:8983/solr}); any serves
     * @param collection        the collection, created with this project's configset
     * @param timeout           how long one node may take to answer before the next is tried
     * @param industryAncestors adds ancestors to industry codes, as for the embedded index
     */
    public SolrArticleIndex(List<URI> nodes, String collection, Duration timeout,
                            Function<Collection<String>, Collection<String>> industryAncestors) {
        this.mapper = new ObjectMapper();
        this.nodes = new SolrNodes(nodes, timeout, mapper);
        this.collection = Objects.requireNonNull(collection, "collection");
        this.industryAncestors = Objects.requireNonNull(industryAncestors, "industryAncestors");
    }

    @Override
    public List<Outcome> upsert(List<Article> articles) {
        if (articles.isEmpty()) {
            return List.of();
        }
        Map<String, String> stored = storedHashes(articles.stream().map(Article::id).collect(Collectors.toSet()));
        List<Outcome> outcomes = new ArrayList<>(articles.size());
        Map<String, ObjectNode> changed = new LinkedHashMap<>();
        for (Article a : articles) {
            String hash = ArticleDocuments.contentHash(a);
            String before = stored.get(a.id());
            Outcome outcome = before == null ? Outcome.NEW
                    : ArticleDocuments.sameContent(before, hash) ? Outcome.UNCHANGED : Outcome.UPDATED;
            if (outcome != Outcome.UNCHANGED) {
                changed.put(a.id(), document(a, hash));
            }
            stored.put(a.id(), hash);
            outcomes.add(outcome);
        }
        if (!changed.isEmpty()) {
            // one request: the documents, then a soft commit that opens a searcher on every replica before it answers
            nodes.update(collection + "/update?softCommit=true&waitSearcher=true", new ArrayList<>(changed.values()));
        }
        return outcomes;
    }

    @Override
    public SearchPage search(ArticleQuery query) {
        List<String> keywords = keywords(query);
        boolean byScore = query.order() == ArticleQuery.Order.RELEVANCE && !keywords.isEmpty();
        int from = (query.page() - 1) * query.size();
        boolean beyond = (long) query.page() * query.size() > MAX_WINDOW;
        ObjectNode request = request(query, keywords, byScore);
        request.put("offset", beyond ? 0 : from).put("limit", beyond ? 0 : query.size());
        request.put("sort", byScore ? "score desc," + NEWEST_FIRST : NEWEST_FIRST);
        if (query.facets()) {
            ObjectNode facet = request.putObject("facet");
            for (String field : List.of(Fields.MODULE, Fields.COUNTRY, Fields.INDUSTRY)) {
                facet.putObject(field).put("type", "terms").put("field", field).put("limit", -1)
                        .put("mincount", 1).put("numBuckets", false);
            }
        }
        JsonNode answer = nodes.post(collection + "/select", request);
        long total = answer.path("response").path("numFound").asLong();
        if (beyond && from < total) {
            throw new ResultWindowException(query.page(), query.size());
        }
        List<Hit> hits = new ArrayList<>();
        for (JsonNode doc : answer.path("response").path("docs")) {
            hits.add(ArticleDocuments.toHit(stored(doc), keywords));
        }
        Facets facets = query.facets() ? new Facets(buckets(answer, Fields.MODULE), buckets(answer, Fields.COUNTRY),
                buckets(answer, Fields.INDUSTRY)) : null;
        return new SearchPage(total, query.page(), query.size(), hits, facets);
    }

    @Override
    public Overview overview(ArticleQuery query, int perModule) {
        if (perModule < 1 || perModule > ArticleQuery.MAX_SIZE) {
            throw new IllegalArgumentException("perModule must be 1.." + ArticleQuery.MAX_SIZE + ", was " + perModule);
        }
        ArticleQuery all = query.withoutModules();
        List<String> keywords = keywords(all);
        ObjectNode request = request(all, keywords, false);
        request.put("limit", Module.values().length).put("sort", NEWEST_FIRST);
        request.putObject("params").put("group", true).put("group.field", Fields.MODULE).put("group.limit", perModule)
                .put("group.sort", NEWEST_FIRST);
        JsonNode answer = nodes.post(collection + "/select", request);
        Map<String, JsonNode> groups = new HashMap<>();
        for (JsonNode g : answer.path("grouped").path(Fields.MODULE).path("groups")) {
            groups.put(g.path("groupValue").asText(), g.path("doclist"));
        }
        List<Overview.ModulePanel> panels = new ArrayList<>();
        for (Module m : Module.values()) {
            JsonNode list = groups.get(m.id());
            List<Hit> items = new ArrayList<>();
            if (list != null) {
                for (JsonNode doc : list.path("docs")) {
                    items.add(ArticleDocuments.toHit(stored(doc), keywords));
                }
            }
            panels.add(new Overview.ModulePanel(m, list == null ? 0 : list.path("numFound").asLong(), items));
        }
        return new Overview(panels);
    }

    @Override
    public Optional<Article> find(String id) {
        // in the body, not the address: an id of any length reaches Solr whole
        JsonNode answer = nodes.postForm(collection + "/get", Map.of("fl", List.of(ALL_FIELDS), "id", List.of(id)));
        JsonNode doc = answer.path("doc");
        return doc.isObject() ? Optional.of(ArticleDocuments.toArticle(stored(doc))) : Optional.empty();
    }

    @Override
    public long count() {
        return nodes.get(collection + "/select?q=*:*&rows=0").path("response").path("numFound").asLong();
    }

    /**
     * Counts the ids stored by real-time get (as {@link #upsert} reads hashes: committed or not), then deletes those
     * by id and commits softly in the same request: once it returns, no replica's searcher has them.
     */
    @Override
    public int delete(Collection<String> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        Set<String> stored = storedHashes(Set.copyOf(ids)).keySet();
        if (!stored.isEmpty()) {
            ObjectNode delete = mapper.createObjectNode();
            ArrayNode byId = delete.putArray("delete");
            stored.forEach(byId::add);
            // deleting by id again is harmless: a node that fails after applying it may be retried on the next
            nodes.update(collection + "/update?softCommit=true&waitSearcher=true", delete);
        }
        return stored.size();
    }

    /** Closes the connections to the cluster (the cluster is not ours to close). */
    @Override
    public void close() {
        nodes.close();
    }

    /** The query's keywords that have something searchable ("-" and "!!" have not, and are left out). */
    private List<String> keywords(ArticleQuery q) {
        return q.keywords().stream().filter(k -> keywordQueries.recall(k, Fields.TITLE_GRAMS) != null).toList();
    }

    /** The JSON request: the keywords and conditions as filters; by relevance, the whole-word boosts as the query. */
    private ObjectNode request(ArticleQuery q, List<String> keywords, boolean byScore) {
        ObjectNode request = mapper.createObjectNode();
        ArrayNode filters = request.putArray("filter");
        for (String keyword : keywords) {
            ObjectNode title = field(Fields.TITLE_GRAMS, keyword);
            if (q.scope() == ArticleQuery.Scope.TITLE) {
                filters.add(title);
            } else {
                ObjectNode either = mapper.createObjectNode();
                either.putObject("bool").putArray("should").add(title).add(field(Fields.BODY_GRAMS, keyword));
                filters.add(either);
            }
        }
        terms(filters, Fields.COUNTRY, q.countries());
        terms(filters, Fields.INDUSTRY, q.industries());
        terms(filters, Fields.MODULE, q.modules().stream().map(Module::id).collect(Collectors.toSet()));
        if (q.from() != null || q.to() != null) {
            String from = q.from() == null ? "*" : Long.toString(q.from().toEpochMilli());
            String to = q.to() == null ? "*" : Long.toString(q.to().toEpochMilli() - 1);
            filters.add(Fields.PUBLISHED + ":[" + from + " TO " + to + "]");
        }
        request.put("query", byScore ? wholeWordBoosts(keywords) : "*:*");
        request.put("fields", HIT_FIELDS);
        return request;
    }

    /** Solr's {@code field} parser on a grams field: the field's query analyzer gives the keyword's lookup terms. */
    private ObjectNode field(String field, String keyword) {
        ObjectNode node = mapper.createObjectNode();
        node.putObject("field").put("f", field).put("query", keyword);
        return node;
    }

    private static void terms(ArrayNode filters, String field, Set<String> values) {
        if (!values.isEmpty()) {
            // codes are letters, digits and dashes: no comma to split on
            filters.add("{!terms f=" + field + "}" + String.join(",", values.stream().sorted().toList()));
        }
    }

    /**
     * Every match scores the same, plus {@link #WHOLE_WORD_BOOST} for each keyword made of whole words in its title:
     * the order of the embedded index's scores. A keyword's splits into words the index knows are found with the
     * words' document frequencies, as the embedded index finds them.
     */
    private String wholeWordBoosts(List<String> keywords) {
        StringBuilder q = new StringBuilder("*:*^=0");
        for (String keyword : keywords) {
            // every piece at once: one round trip, not one a piece
            Set<String> known = knownWords(keywordQueries.pieces(keyword));
            List<List<String>> splits = keywordQueries.splits(keyword, known::contains);
            if (splits.isEmpty()) {
                continue;
            }
            q.append(" (").append(splits.stream().map(words -> Fields.TITLE_WORDS + ":\""
                    + escape(String.join(" ", words)) + "\"").collect(Collectors.joining(" OR ")));
            q.append(")^=").append(WHOLE_WORD_BOOST);
        }
        return q.toString();
    }

    /** Which of these candidate words the title words field holds, by Solr's terms component. */
    private Set<String> knownWords(Collection<String> candidates) {
        if (candidates.isEmpty()) {
            return Set.of();
        }
        JsonNode answer = nodes.postForm(collection + "/terms", Map.of("terms.fl", List.of(Fields.TITLE_WORDS),
                "terms.list", List.of(String.join(",", candidates)), "terms.limit", List.of("-1"),
                "terms.mincount", List.of("1"), "terms.sort", List.of("index")));
        JsonNode terms = answer.path("terms").path(Fields.TITLE_WORDS);
        Set<String> known = new java.util.HashSet<>();
        if (terms.isObject()) {
            terms.fieldNames().forEachRemaining(known::add);
        } else if (terms.isArray()) { // the named-list form: term, count, term, count…
            for (int i = 0; i + 1 < terms.size(); i += 2) {
                if (terms.get(i + 1).asLong() > 0) {
                    known.add(terms.get(i).asText());
                }
            }
        }
        return known;
    }

    /** The content hashes stored for these ids, by real-time get (committed or not). */
    private Map<String, String> storedHashes(Set<String> ids) {
        JsonNode answer = nodes.postForm(collection + "/get", Map.of("fl", List.of(Fields.ID + "," + Fields.CONTENT_HASH),
                "ids", List.copyOf(ids)));
        Map<String, String> hashes = new HashMap<>();
        for (JsonNode doc : answer.path("response").path("docs")) {
            hashes.put(doc.path(Fields.ID).asText(), doc.path(Fields.CONTENT_HASH).asText());
        }
        return hashes;
    }

    /** The Solr document of an article: the embedded index's fields, by the same names. */
    private ObjectNode document(Article a, String contentHash) {
        ObjectNode doc = mapper.createObjectNode();
        doc.put(Fields.ID, a.id()).put(Fields.MODULE, a.module().id()).put(Fields.TITLE, a.title())
                .put(Fields.TITLE_WORDS, a.title()).put(Fields.TITLE_GRAMS, a.title());
        if (!a.bodyHtml().isEmpty()) {
            doc.put(Fields.BODY, a.bodyHtml()).put(Fields.BODY_GRAMS, Jsoup.parse(a.bodyHtml()).text());
        }
        doc.put(Fields.PUBLISHED, a.publishedAt().toEpochMilli());
        array(doc, Fields.COUNTRY, a.countries());
        array(doc, Fields.INDUSTRY, industryAncestors.apply(a.industries()));
        array(doc, Fields.INDUSTRY_OWN, a.industries());
        doc.put(Fields.SOURCE, a.source()).put(Fields.URL, a.url());
        array(doc, Fields.ATTACHMENT, a.attachments().stream().map(ArticleDocuments::attachment).toList());
        doc.put(Fields.CONTENT_HASH, contentHash);
        return doc;
    }

    private static void array(ObjectNode doc, String field, Collection<String> values) {
        if (!values.isEmpty()) {
            ArrayNode a = doc.putArray(field);
            values.forEach(a::add);
        }
    }

    /** A Solr document's stored fields as a Lucene document, which {@link ArticleDocuments} reads. */
    private static Document stored(JsonNode solr) {
        Document doc = new Document();
        solr.fields().forEachRemaining(e -> {
            List<JsonNode> values = new ArrayList<>();
            if (e.getValue().isArray()) {
                e.getValue().forEach(values::add);
            } else {
                values.add(e.getValue());
            }
            for (JsonNode v : values) {
                doc.add(v.isIntegralNumber() ? new StoredField(e.getKey(), v.asLong())
                        : new StoredField(e.getKey(), v.asText()));
            }
        });
        return doc;
    }

    /** A terms facet's buckets, largest first, ties by code (as the embedded index orders them). */
    private static Map<String, Long> buckets(JsonNode answer, String field) {
        List<Map.Entry<String, Long>> entries = new ArrayList<>();
        for (JsonNode b : answer.path("facets").path(field).path("buckets")) {
            entries.add(Map.entry(b.path("val").asText(), b.path("count").asLong()));
        }
        entries.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        Map<String, Long> out = new LinkedHashMap<>();
        entries.forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** Escapes a phrase for inside double quotes of Solr's standard query syntax. */
    private static String escape(String phrase) {
        return phrase.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
