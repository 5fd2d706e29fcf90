import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop HTTP load generator (pure JDK): for each scenario, C clients send GET requests back to back for S seconds
 * (after a warm-up) and the latencies of the measured window are reported as p50/p95/p99/max with the throughput.
 * Usage: java HttpBench.java --base URL --token JWT [--concurrency 4] [--seconds 10] [--warmup 3] name=/path?query ...
 */
public class HttpBench {

    public static void main(String[] args) throws Exception {
        String base = null;
        String token = null;
        int concurrency = 4;
        int seconds = 10;
        int warmup = 3;
        Map<String, String> scenarios = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--base" -> base = args[++i];
                case "--token" -> token = args[++i];
                case "--concurrency" -> concurrency = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                default -> {
                    int eq = args[i].indexOf('=');
                    scenarios.put(args[i].substring(0, eq), args[i].substring(eq + 1));
                }
            }
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        System.out.printf("%-28s %8s %8s %8s %8s %8s %9s %7s%n", "scenario", "requests", "p50_ms", "p95_ms", "p99_ms", "max_ms", "req_per_s", "errors");
        for (Map.Entry<String, String> scenario : scenarios.entrySet()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + scenario.getValue())).header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(10)).GET().build();
            run(client, request, concurrency, warmup, new ArrayList<>(), new AtomicLong());
            List<long[]> latencies = new ArrayList<>();
            AtomicLong errors = new AtomicLong();
            long start = System.nanoTime();
            run(client, request, concurrency, seconds, latencies, errors);
            double elapsed = (System.nanoTime() - start) / 1e9;
            long[] all = latencies.stream().flatMapToLong(Arrays::stream).filter(v -> v > 0).sorted().toArray();
            System.out.printf("%-28s %8d %8.1f %8.1f %8.1f %8.1f %9.0f %7d%n", scenario.getKey(), all.length, pct(all, 50), pct(all, 95),
                    pct(all, 99), all.length == 0 ? 0 : all[all.length - 1] / 1e6, all.length / elapsed, errors.get());
        }
    }

    private static void run(HttpClient client, HttpRequest request, int concurrency, int seconds, List<long[]> out, AtomicLong errors)
            throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            long[] mine = new long[2_000_000];
            synchronized (out) {
                out.add(mine);
            }
            Thread thread = new Thread(() -> {
                int n = 0;
                while (System.nanoTime() < end && n < mine.length) {
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                            continue;
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        continue;
                    }
                    mine[n++] = System.nanoTime() - t0;
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }

    private static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }
}
