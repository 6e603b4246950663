package cn.creditwindow.solrcluster;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * A 3-node SolrCloud with embedded ZooKeeper on loopback ({@link MiniSolrCloudCluster}), for the window's
 * integration tests, which run it in this JVM of its own (Solr's Jetty 10 and the window's Jetty 12 cannot share a
 * class path) and steer it over stdin.
 *
 * <p>{@code TestCluster <baseDir> <configsetDir> <collection> <shards> <replicas>} starts the nodes under baseDir,
 * uploads the configset as config {@value #CONFIG}, creates the collection, waits until every replica is active and
 * prints one line on stdout: {@code READY {"zk":"127.0.0.1:port","urls":["http://127.0.0.1:port/solr",…]}}. Then it
 * reads one command a line and answers each with one line:
 * <ul>
 *   <li>{@code stop <i>}: stops node i (0-based, in the order of the READY urls) → {@code STOPPED <i>}, once
 *       ZooKeeper no longer lists it as live;</li>
 *   <li>{@code start <i>}: starts it again on the same port → {@code STARTED <i> <url>}, once it is live (its
 *       replicas may still be recovering: see wait-active);</li>
 *   <li>{@code wait-active}: waits until every replica of the collection is active on a live node →
 *       {@code ACTIVE};</li>
 *   <li>{@code quit}, or the end of stdin (the test JVM has gone): shuts everything down and exits 0.</li>
 * </ul>
 * A command that fails is answered {@code ERROR <message>}. Stdout carries nothing else: whatever else the JVM
 * prints goes to stderr, and so do the logs (WARN and above; log4j2.xml).
 *
 * <p>The window's analyzers (the schema names them) are loaded from the class path: Solr's resource loaders have
 * the application class loader as parent, so the plugin jar, smartcn and icu4j only need to be on it.
 */
public final class TestCluster {
    /** The name the configset is uploaded as. */
    public static final String CONFIG = "credit-window";
    private static final int NODES = 3;
    private static final int TIMEOUT_SECONDS = 90;

    private final MiniSolrCloudCluster cluster;
    private final String collection;
    /** The nodes by their READY index; the cluster's own list drops a node while it is stopped. */
    private final List<JettySolrRunner> nodes;

    private TestCluster(MiniSolrCloudCluster cluster, String collection) {
        this.cluster = cluster;
        this.collection = collection;
        this.nodes = List.copyOf(cluster.getJettySolrRunners());
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: TestCluster <baseDir> <configsetDir> <collection> <shards> <replicas>");
            System.exit(2);
        }
        // The protocol owns stdout; anything Solr, ZooKeeper or a library prints goes to stderr.
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err);

        Path baseDir = Path.of(args[0]).toAbsolutePath();
        Path configset = Path.of(args[1]).toAbsolutePath();
        String collection = args[2];
        int shards = Integer.parseInt(args[3]);
        int replicas = Integer.parseInt(args[4]);
        Files.createDirectories(baseDir);
        // Solr wants a log folder named; its logs go to stderr all the same (log4j2.xml)
        System.setProperty("solr.log.dir", baseDir.resolve("logs").toString());

        TestCluster test = start(baseDir, configset, collection, shards, replicas);
        try {
            out.println("READY " + test.describe());
            test.serve(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), out);
        } finally {
            test.cluster.shutdown();
        }
        System.exit(0);
    }

    private static TestCluster start(Path baseDir, Path configset, String collection, int shards, int replicas)
            throws Exception {
        MiniSolrCloudCluster cluster = new MiniSolrCloudCluster.Builder(NODES, baseDir)
                .addConfig(CONFIG, configset)
                // its default would randomise a tracing flag, which needs a randomized-testing context
                .withTraceIdGenerationDisabled()
                .build();
        try {
            CollectionAdminRequest.createCollection(collection, CONFIG, shards, replicas)
                    .process(cluster.getSolrClient());
            cluster.waitForActiveCollection(collection, TIMEOUT_SECONDS, TimeUnit.SECONDS, shards,
                    shards * replicas);
            return new TestCluster(cluster, collection);
        } catch (Exception | Error e) {
            cluster.shutdown();
            throw e;
        }
    }

    private String describe() {
        String urls = nodes.stream().map(n -> '"' + n.getBaseUrl().toString() + '"')
                .collect(Collectors.joining(","));
        return "{\"zk\":\"" + cluster.getZkServer().getZkAddress() + "\",\"urls\":[" + urls + "]}";
    }

    /** Answers commands until quit or the end of the input. */
    private void serve(BufferedReader in, PrintStream out) throws Exception {
        String line;
        while ((line = in.readLine()) != null) {
            String[] words = line.strip().split("\\s+");
            if (words[0].equals("quit")) {
                return;
            }
            if (words[0].isEmpty()) {
                continue;
            }
            try {
                out.println(answer(words));
            } catch (Exception e) {
                e.printStackTrace();
                out.println("ERROR " + e.toString().replace('\n', ' '));
            }
        }
    }

    private String answer(String[] words) throws Exception {
        switch (words[0]) {
            case "stop": {
                int i = node(words);
                JettySolrRunner jetty = nodes.get(i);
                cluster.stopJettySolrRunner(jetty);
                cluster.waitForJettyToStop(jetty);
                return "STOPPED " + i;
            }
            case "start": {
                int i = node(words);
                JettySolrRunner jetty = nodes.get(i);
                // the same port, so the node keeps the url the tests were given
                cluster.startJettySolrRunner(jetty, true);
                cluster.waitForNode(jetty, TIMEOUT_SECONDS);
                return "STARTED " + i + " " + jetty.getBaseUrl();
            }
            case "wait-active":
                cluster.waitForActiveCollection(collection, TIMEOUT_SECONDS, TimeUnit.SECONDS);
                return "ACTIVE";
            default:
                throw new IllegalArgumentException("unknown command " + String.join(" ", words)
                        + "; the commands are stop <i>, start <i>, wait-active, quit");
        }
    }

    private int node(String[] words) {
        if (words.length != 2 || !words[1].matches("[0-9]+") || Integer.parseInt(words[1]) >= nodes.size()) {
            throw new IllegalArgumentException("a node is a number from 0 to " + (nodes.size() - 1) + ", got "
                    + String.join(" ", words));
        }
        return Integer.parseInt(words[1]);
    }
}
