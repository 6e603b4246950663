package cn.creditwindow.bench;

import cn.creditwindow.bench.QueryMix.BenchQuery;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToLongFunction;

/**
 * Runs query sequences against two contenders in alternating rounds on 1 or 2 threads and reports
 * medians over the rounds: a service and its baseline always run the same queries, one right after the
 * other, so machine noise hits both alike.
 */
final class QueryBench {
    /** Answers one query; returns something derived from the answer, so the work cannot be skipped. */
    interface Contender extends ToLongFunction<BenchQuery> {
    }

    /** One pass over a sequence. */
    record Pass(double qps, double p50Millis, double p99Millis) {
    }

    /** Medians over rounds. */
    record Summary(double qps, double p50Millis, double p99Millis) {
        static Summary of(List<Pass> passes) {
            return new Summary(Stats.median(passes.stream().mapToDouble(Pass::qps).toArray()),
                    Stats.median(passes.stream().mapToDouble(Pass::p50Millis).toArray()),
                    Stats.median(passes.stream().mapToDouble(Pass::p99Millis).toArray()));
        }
    }

    /** A service against its baseline; {@code ratio} is the median of the per-round QPS ratios. */
    record Comparison(String label, int threads, Summary service, Summary baseline, double ratio) {
    }

    private final int rounds;
    private long sink;

    QueryBench(int rounds) {
        this.rounds = rounds;
    }

    Comparison compare(String label, Contender service, Contender baseline, List<BenchQuery> sequence,
                       int threads) throws InterruptedException {
        pass(service, sequence, threads);
        pass(baseline, sequence, threads);
        List<Pass> s = new ArrayList<>();
        List<Pass> b = new ArrayList<>();
        double[] ratios = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            Pass sp;
            Pass bp;
            if (r % 2 == 0) {
                sp = pass(service, sequence, threads);
                bp = pass(baseline, sequence, threads);
            } else {
                bp = pass(baseline, sequence, threads);
                sp = pass(service, sequence, threads);
            }
            s.add(sp);
            b.add(bp);
            ratios[r] = sp.qps() / bp.qps();
        }
        Comparison c = new Comparison(label, threads, Summary.of(s), Summary.of(b), Stats.median(ratios));
        System.out.printf("  %-44s %d thr: service %,8.0f q/s p50 %6.3f p99 %6.3f ms | baseline %,8.0f q/s p50 %6.3f"
                        + " p99 %6.3f ms | ratio %.2f%n", label, threads, c.service().qps(), c.service().p50Millis(),
                c.service().p99Millis(), c.baseline().qps(), c.baseline().p50Millis(), c.baseline().p99Millis(),
                c.ratio());
        return c;
    }

    /** Each thread takes every {@code threads}-th query of the sequence; latencies are pooled. */
    Pass pass(Contender contender, List<BenchQuery> sequence, int threads) throws InterruptedException {
        if (threads == 1) {
            long[] nanos = new long[sequence.size()];
            long start = System.nanoTime();
            run(contender, sequence, 0, 1, nanos);
            return pass(nanos, System.nanoTime() - start);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long[][] nanos = new long[threads][];
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t;
                nanos[t] = new long[(sequence.size() - t + threads - 1) / threads];
                done.add(pool.submit(() -> {
                    go.await();
                    run(contender, sequence, offset, threads, nanos[offset]);
                    return null;
                }));
            }
            long start = System.nanoTime();
            go.countDown();
            for (Future<?> f : done) {
                f.get();
            }
            long elapsed = System.nanoTime() - start;
            return pass(Arrays.stream(nanos).flatMapToLong(Arrays::stream).toArray(), elapsed);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("query pass failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private void run(Contender contender, List<BenchQuery> sequence, int offset, int stride, long[] nanos) {
        long local = 0;
        int k = 0;
        for (int i = offset; i < sequence.size(); i += stride) {
            long t0 = System.nanoTime();
            local += contender.applyAsLong(sequence.get(i));
            nanos[k++] = System.nanoTime() - t0;
        }
        synchronized (this) {
            sink += local;
        }
    }

    private static Pass pass(long[] nanos, long elapsedNanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Pass(nanos.length / (elapsedNanos / 1e9), Stats.percentile(sorted, 50) / 1e6,
                Stats.percentile(sorted, 99) / 1e6);
    }

    /** Keeps the JIT from dropping the work; printed once at the end. */
    synchronized long sink() {
        return sink;
    }
}
