package cn.creditwindow.bench;

import cn.creditwindow.app.BenchDeployment;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Phaser;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The load of the nodes benchmark on one deployment (#17): signed-in users of its enterprises, and the closed loop
 * that times one {@link Workload} with k concurrent clients — each client does one operation, waits for it, does
 * the next; a warm-up first, then a fixed window in which every operation started is timed and the CPU time of the
 * JVM, of the client threads and of PostgreSQL is read at both ends.
 */
final class NodeLoad implements AutoCloseable {
    /** What a client does, one operation at a time. */
    enum Workload {
        ORDERS("credit orders, each client its own enterprise"),
        ORDERS_ONE("credit orders, all clients on one enterprise"),
        CLAIMS("claim submissions (draft, shipment, data report, submit)"),
        PAGES("page views (home, search, credit, claims, buyers)");

        final String label;

        Workload(String label) {
            this.label = label;
        }
    }

    /** One timed window. CPU times in nanoseconds over the window; latencies sorted, in nanoseconds. */
    record Measurement(long ops, long errors, double seconds, long[] latencies, long jvmCpu, long clientCpu,
                       long postgresCpu, String firstError) {
        double perSecond() {
            return ops / seconds;
        }

        double p50Millis() {
            return Stats.percentile(latencies, 50) / 1e6;
        }

        double p99Millis() {
            return Stats.percentile(latencies, 99) / 1e6;
        }

        /** CPU milliseconds an operation: of the client threads, of the rest of the JVM (the nodes), of PostgreSQL. */
        double clientMs() {
            return clientCpu / 1e6 / Math.max(1, ops);
        }

        double nodesMs() {
            return (jvmCpu - clientCpu) / 1e6 / Math.max(1, ops);
        }

        double postgresMs() {
            return postgresCpu / 1e6 / Math.max(1, ops);
        }

        /** Cores kept busy by the JVM and PostgreSQL together over the window (this machine has 2). */
        double coresBusy() {
            return (jvmCpu + postgresCpu) / 1e9 / seconds;
        }
    }

    private static final List<String> PAGES = List.of("/", "/search?q=%E5%87%BA%E5%8F%A3", "/credit", "/claims",
            "/credit/buyers?q=Gulf");
    private static final String REASON = "买方收货后以资金紧张为由长期拖欠货款，经多次催收仍未付款（基准测试）";
    private static final String STORY = "我司向买方出运电子产品一批，买方收货后至今未支付任何款项，已委托律师发函催收（基准测试）";

    private final BenchDeployment deployment;
    private final NodeClient client;
    private final long postmaster;
    /** Sessions by client: client i is bench enterprise i's legal representative (i mod the enterprises). */
    private final List<NodeClient.Session> own = new ArrayList<>();
    /** Sessions by client, all of bench enterprise 0's legal representative. */
    private final List<NodeClient.Session> shared = new ArrayList<>();
    private final Map<Integer, Queue<String>> declarations = new HashMap<>();
    private double claimsPerSecond = 50; // a first guess, for the declarations made before the first claims window

    NodeLoad(BenchDeployment deployment, int maxClients) {
        this.deployment = deployment;
        this.client = new NodeClient(deployment.bases(), maxClients);
        this.postmaster = deployment.postgresPort() < 0 ? -1 : ProcessCpu.postmaster(deployment.postgresPort());
        if (deployment.postgresPort() >= 0 && postmaster < 0) {
            System.out.println("  (no PostgreSQL process found on port " + deployment.postgresPort()
                    + ": its CPU time is not counted)");
        }
        for (int c = 0; c < maxClients; c++) {
            own.add(client.signIn(BenchDeployment.legal(c % deployment.enterprises()), BenchDeployment.PASSWORD));
            shared.add(client.signIn(BenchDeployment.legal(0), BenchDeployment.PASSWORD));
        }
    }

    /** Times {@code workload} with {@code clients} clients: {@code warmUp} seconds, then {@code seconds} timed. */
    Measurement measure(Workload workload, int clients, double warmUp, double seconds) throws InterruptedException {
        if (workload == Workload.CLAIMS) {
            stockDeclarations(clients, warmUp + seconds);
        }
        long start = System.nanoTime() + (long) (warmUp * 1e9);
        long end = start + (long) (seconds * 1e9);
        List<Thread> threads = new ArrayList<>();
        List<long[]> latencies = new ArrayList<>();
        long[] errors = new long[clients];
        AtomicReference<String> firstError = new AtomicReference<>();
        Phaser release = new Phaser(1);
        for (int c = 0; c < clients; c++) {
            int index = c;
            long[][] mine = {new long[1024]};
            int[] count = {0};
            Operation op = operation(workload, index);
            Thread t = new Thread(() -> {
                long now;
                while ((now = System.nanoTime()) < end) {
                    boolean ok;
                    try {
                        op.run();
                        ok = true;
                    } catch (IOException | RuntimeException e) {
                        ok = false;
                        if (now >= start) {
                            firstError.compareAndSet(null, e.toString());
                        }
                        if (e instanceof OutOfDeclarations) {
                            break;
                        }
                    }
                    long took = System.nanoTime() - now;
                    if (now >= start) {
                        if (!ok) {
                            errors[index]++;
                        } else {
                            if (count[0] == mine[0].length) {
                                mine[0] = Arrays.copyOf(mine[0], count[0] * 2);
                            }
                            mine[0][count[0]++] = took;
                        }
                    }
                }
                synchronized (latencies) {
                    latencies.add(Arrays.copyOf(mine[0], count[0]));
                }
                // alive until the window's CPU times are read: an ended thread's time can no longer be read
                release.awaitAdvance(0);
            }, "bench-client-" + c);
            threads.add(t);
        }
        threads.forEach(Thread::start);
        sleepUntil(start);
        long jvm0 = ProcessCpu.jvm();
        long client0 = ProcessCpu.threads(threads);
        long pg0 = ProcessCpu.postgres(postmaster);
        sleepUntil(end);
        long jvm1 = ProcessCpu.jvm();
        long client1 = ProcessCpu.threads(threads);
        long pg1 = ProcessCpu.postgres(postmaster);
        release.arrive();
        for (Thread t : threads) {
            t.join();
        }
        long[] all = latencies.stream().flatMapToLong(java.util.Arrays::stream).sorted().toArray();
        Measurement m = new Measurement(all.length, Arrays.stream(errors).sum(), seconds, all, jvm1 - jvm0,
                client1 - client0, pg1 - pg0, firstError.get());
        if (workload == Workload.CLAIMS) {
            claimsPerSecond = Math.max(claimsPerSecond, m.perSecond());
        }
        return m;
    }

    /** One operation of a client, which throws when the service does not answer as a user's page expects. */
    private interface Operation {
        void run() throws IOException;
    }

    private Operation operation(Workload workload, int c) {
        return switch (workload) {
            case ORDERS -> new CreditOrder(own.get(c));
            case ORDERS_ONE -> new CreditOrder(shared.get(c));
            case CLAIMS -> claim(own.get(c), c % deployment.enterprises());
            case PAGES -> {
                int[] next = {c};
                NodeClient.Session s = own.get(c);
                yield () -> expect(s.get(PAGES.get(next[0]++ % PAGES.size())), 200, "page");
            }
        };
    }

    /**
     * A credit report order as the order page places it: at the charge the user last saw; when the charge changed
     * (the free reports went), the quote again and the order at the new charge.
     */
    private final class CreditOrder implements Operation {
        private final NodeClient.Session session;
        private String charge = "0.00";

        CreditOrder(NodeClient.Session session) {
            this.session = session;
        }

        @Override
        public void run() throws IOException {
            for (int attempt = 0; attempt < 10; attempt++) {
                NodeClient.Answer r = session.post("/api/credit/orders", Map.of("type", "BUYER_CREDIT", "buyerId",
                        deployment.buyer(), "expectedCharge", charge));
                if (r.status() == 201) {
                    return;
                }
                expect(r, 409, "order");
                NodeClient.Answer q = session.get("/api/credit/quote?type=BUYER_CREDIT&buyerId=" + deployment.buyer());
                charge = expect(q, 200, "quote").json().get("charge").asText();
            }
            throw new IllegalStateException("no order after 10 quotes");
        }
    }

    /** A claim as a user makes one: the draft, a shipment, the shipment data report, the submission. */
    private Operation claim(NodeClient.Session s, int enterprise) {
        long policy = deployment.policy(enterprise);
        Queue<String> numbers = declarations.computeIfAbsent(enterprise, e -> new ConcurrentLinkedQueue<>());
        return () -> {
            String declaration = numbers.poll();
            if (declaration == null) {
                throw new OutOfDeclarations();
            }
            Map<String, Object> form = new LinkedHashMap<>();
            form.put("buyerId", deployment.buyer());
            form.put("answers", Map.of("DISPUTE", false, "REPORTED_LOSS", true, "DEBT_ACKNOWLEDGED", false,
                    "FINANCING", false));
            form.put("lossCause", "DEFAULT");
            form.put("reason", REASON);
            form.put("caseDescription", STORY);
            form.put("mitigation", "已委托律师催收");
            long id = expect(s.post("/api/claims/policies/" + policy + "/claims", form), 201, "draft").json()
                    .get("id").asLong();
            Map<String, Object> shipment = new LinkedHashMap<>();
            shipment.put("invoiceNo", "INV-" + declaration.substring(9));
            shipment.put("hsCode", "85171200");
            shipment.put("shippedOn", BenchDeployment.shipped());
            shipment.put("paymentMethod", "OA");
            shipment.put("termDays", "90");
            shipment.put("invoiceAmount", "440000");
            shipment.put("claimedAmount", "440000");
            shipment.put("collectionStatus", "NONE");
            shipment.put("transportMode", "SEA");
            shipment.put("declarations", declaration);
            expect(s.post("/api/claims/" + id + "/shipments", shipment), 201, "shipment");
            expect(s.post("/api/claims/" + id + "/shipment-report", null), 201, "shipment data report");
            expect(s.post("/api/claims/" + id + "/submission", Map.of("declaration", true)), 200, "submission");
        };
    }

    /** A client that has used every declaration made for its enterprise: it stops, and the window counts an error. */
    private static final class OutOfDeclarations extends RuntimeException {
        OutOfDeclarations() {
            super("no unclaimed customs declaration left for the next claim: more are made before each window");
        }
    }

    /**
     * Enough unclaimed declarations for the next window: half as many again as the fastest claims rate seen on this
     * deployment (twice it) would use, per enterprise the clients claim for. Made outside the timed window.
     */
    private void stockDeclarations(int clients, double seconds) {
        int enterprises = Math.min(clients, deployment.enterprises());
        int need = (int) Math.ceil(2 * claimsPerSecond * seconds * 1.5 / enterprises) + 10;
        for (int e = 0; e < enterprises; e++) {
            Queue<String> q = declarations.computeIfAbsent(e, x -> new ConcurrentLinkedQueue<>());
            if (q.size() < need) {
                q.addAll(deployment.declarations(e, need - q.size()));
            }
        }
    }

    private static NodeClient.Answer expect(NodeClient.Answer r, int status, String what) {
        if (r.status() != status) {
            String body = r.body().length() > 300 ? r.body().substring(0, 300) + "…" : r.body();
            throw new IllegalStateException(what + ": " + r.status() + " " + body);
        }
        return r;
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            Thread.sleep(Math.max(1, left / 1_000_000), 0);
        }
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
