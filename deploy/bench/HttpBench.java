import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop HTTP load generator (pure JDK): for each scenario, C clients send GET requests back to back for S seconds
 * (after a warm-up) and the latencies of the measured window are reported as p50/p95/p99/max with the throughput.
 * Each client is a thread with one keep-alive connection and blocking socket I/O: the generator shares the machine's cores
 * with the service and its database, and the JDK's HttpClient, with its selector thread and hand-offs, cost more CPU than a
 * trivial request does in the service.
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
        URI target = URI.create(base);
        System.out.printf("%-28s %8s %8s %8s %8s %8s %9s %7s%n", "scenario", "requests", "p50_ms", "p95_ms", "p99_ms", "max_ms", "req_per_s", "errors");
        for (Map.Entry<String, String> scenario : scenarios.entrySet()) {
            byte[] request = ("GET " + target.getRawPath().replaceAll("/$", "") + scenario.getValue() + " HTTP/1.1\r\nHost: " + target.getAuthority()
                    + "\r\nAuthorization: Bearer " + token + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            run(target, request, concurrency, warmup, new ArrayList<>(), new AtomicLong());
            List<long[]> latencies = new ArrayList<>();
            AtomicLong errors = new AtomicLong();
            long start = System.nanoTime();
            run(target, request, concurrency, seconds, latencies, errors);
            double elapsed = (System.nanoTime() - start) / 1e9;
            long[] all = latencies.stream().flatMapToLong(Arrays::stream).filter(v -> v > 0).sorted().toArray();
            System.out.printf("%-28s %8d %8.1f %8.1f %8.1f %8.1f %9.0f %7d%n", scenario.getKey(), all.length, pct(all, 50), pct(all, 95),
                    pct(all, 99), all.length == 0 ? 0 : all[all.length - 1] / 1e6, all.length / elapsed, errors.get());
        }
    }

    private static void run(URI target, byte[] request, int concurrency, int seconds, List<long[]> out, AtomicLong errors)
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
                Connection connection = null;
                while (System.nanoTime() < end && n < mine.length) {
                    long t0 = System.nanoTime();
                    try {
                        if (connection == null) {
                            connection = new Connection(target);
                        }
                        if (connection.get(request) != 200) {
                            errors.incrementAndGet();
                            continue;
                        }
                    } catch (IOException e) {
                        errors.incrementAndGet();
                        connection = null;
                        continue;
                    }
                    mine[n++] = System.nanoTime() - t0;
                }
                if (connection != null) {
                    connection.close();
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }

    /** One keep-alive HTTP/1.1 connection: a request out, its status back, the body (Content-Length or chunked) read past. */
    private static final class Connection {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;

        Connection(URI target) throws IOException {
            socket = new Socket(target.getHost(), target.getPort());
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(10_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        }

        int get(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            String status = line();
            long length = -1;
            boolean chunked = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase();
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                }
            }
            if (chunked) {
                for (long chunk = Long.parseLong(line().split(";")[0].trim(), 16); chunk > 0; chunk = Long.parseLong(line().split(";")[0].trim(), 16)) {
                    skip(chunk);
                    line();
                }
                line(); // the empty line after the last chunk
            } else if (length > 0) {
                skip(length);
            }
            return Integer.parseInt(status.substring(9, 12));
        }

        private void skip(long bytes) throws IOException {
            while (bytes > 0) {
                long skipped = in.skip(bytes);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new IOException("connection closed in a response body");
                    }
                    skipped = 1;
                }
                bytes -= skipped;
            }
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("connection closed by the service");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // done with it anyway
            }
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
