import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Quiz sessions against delivery-service (pure JDK): each of S students (one token each, a line of the token file) starts
 * an adaptive quiz of L items and loops next → answer until it ends, then starts another. Open loop: each student takes one
 * next+answer step every S/R seconds, so that the whole runs at R selections per second whatever the latency (a student
 * that falls behind catches up at once; latencies count from the request's send). Reports p50/p95/p99/max per request kind,
 * the selections achieved per second and the errors, for a warm-up then a measured window.
 * With --ceiling the same students send GET /q/health/live twice per step instead: the service's trivial endpoint under the
 * same request rate. With --rate 0 the students go back to back (closed loop): the most the service can do.
 * Usage: java QuizLoad.java --base URL --tokens FILE --exam CODE [--rate 1500] [--length 30] [--seconds 20] [--warmup 10] [--ceiling]
 */
public class QuizLoad {

    static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    static final Pattern POSITION = Pattern.compile("\"position\":(\\d+)");

    record Window(long[][] next, long[][] answer, long[][] start, AtomicLong errors, AtomicLong selections) {
        static Window of(int students) {
            return new Window(new long[students][], new long[students][], new long[students][], new AtomicLong(), new AtomicLong());
        }
    }

    public static void main(String[] args) throws Exception {
        String base = null, exam = null;
        Path tokensFile = null;
        double rate = 1500;
        int length = 30, seconds = 20, warmup = 10;
        boolean ceiling = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--base" -> base = args[++i];
                case "--tokens" -> tokensFile = Path.of(args[++i]);
                case "--exam" -> exam = args[++i];
                case "--rate" -> rate = Double.parseDouble(args[++i]);
                case "--length" -> length = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--ceiling" -> ceiling = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        List<String> tokens = Files.readAllLines(tokensFile).stream().filter(t -> !t.isBlank()).toList();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        String label = ceiling ? "ceiling /q/health/live" : rate == 0 ? "closed loop" : "open loop " + (int) rate + "/s";
        System.out.printf("%-26s %-8s %8s %8s %8s %8s %8s %10s %7s%n", "phase", "request", "count", "p50_ms", "p95_ms", "p99_ms", "max_ms",
                "selects/s", "errors");
        run(client, base, exam, tokens, rate, length, warmup, ceiling, null);
        Window w = Window.of(tokens.size());
        long t0 = System.nanoTime();
        run(client, base, exam, tokens, rate, length, seconds, ceiling, w);
        double elapsed = (System.nanoTime() - t0) / 1e9;
        report(label, ceiling ? "health" : "next", w.next, w.selections.get() / elapsed, w.errors.get());
        report(label, ceiling ? "health" : "answer", w.answer, w.selections.get() / elapsed, w.errors.get());
        if (!ceiling) {
            report(label, "start", w.start, w.selections.get() / elapsed, w.errors.get());
        }
    }

    static void run(HttpClient client, String base, String exam, List<String> tokens, double rate, int length, int seconds, boolean ceiling,
            Window window) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long periodNanos = rate == 0 ? 0 : (long) (tokens.size() / rate * 1e9);
        List<Thread> threads = new ArrayList<>();
        for (int s = 0; s < tokens.size(); s++) {
            int student = s;
            String auth = "Bearer " + tokens.get(s);
            Thread thread = new Thread(() -> {
                Random random = new Random(student);
                Latencies next = new Latencies(), answer = new Latencies(), start = new Latencies();
                String quiz = null;
                int position = 0;
                // spread the students' first steps over one period so they do not arrive in lockstep
                long scheduled = System.nanoTime() + (periodNanos == 0 ? 0 : random.nextLong(periodNanos));
                while (System.nanoTime() < end) {
                    if (periodNanos > 0) {
                        long wait = scheduled - System.nanoTime();
                        if (wait > 0) {
                            LockSupport.parkNanos(wait);
                        }
                        scheduled += periodNanos;
                    }
                    try {
                        if (ceiling) {
                            next.add(timed(client, get(base + "/q/health/live", auth), null));
                            answer.add(timed(client, get(base + "/q/health/live", auth), null));
                            continue;
                        }
                        if (quiz == null) {
                            String[] body = new String[1];
                            start.add(timed(client, post(base + "/api/v1/quizzes", auth,
                                    "{\"examCode\":\"" + exam + "\",\"mode\":\"tutor\",\"length\":" + length + "}"), body));
                            Matcher m = ID.matcher(body[0]);
                            quiz = m.find() ? m.group(1) : null;
                            if (quiz == null) {
                                throw new IllegalStateException("no quiz id in " + body[0]);
                            }
                        }
                        String[] body = new String[1];
                        long took = timed(client, post(base + "/api/v1/quizzes/" + quiz + "/next", auth, ""), body);
                        if (body[0] == null) { // 409: the quiz ended
                            quiz = null;
                            continue;
                        }
                        next.add(took);
                        if (window != null) {
                            window.selections().incrementAndGet();
                        }
                        Matcher m = POSITION.matcher(body[0]);
                        position = m.find() ? Integer.parseInt(m.group(1)) : -1;
                        String label = random.nextDouble() < 0.6 ? "A" : "B";
                        answer.add(timed(client, post(base + "/api/v1/quizzes/" + quiz + "/answers", auth, "{\"position\":" + position
                                + ",\"selectedLabel\":\"" + label + "\",\"confidence\":3,\"timeTakenMs\":" + (20000 + random.nextInt(60000)) + "}"),
                                new String[1]));
                        if (position >= length) {
                            quiz = null;
                        }
                    } catch (Exception e) {
                        if (window != null) {
                            window.errors().incrementAndGet();
                        }
                        quiz = null;
                    }
                }
                if (window != null) {
                    window.next()[student] = next.toArray();
                    window.answer()[student] = answer.toArray();
                    window.start()[student] = start.toArray();
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    /** A growable list of latencies. */
    static final class Latencies {
        private long[] values = new long[1024];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    static HttpRequest get(String url, String auth) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth).timeout(Duration.ofSeconds(10)).GET().build();
    }

    static HttpRequest post(String url, String auth, String json) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    /** The request's latency in nanoseconds; the body goes to {@code body[0]} (null for a 409). Other statuses are errors. */
    static long timed(HttpClient client, HttpRequest request, String[] body) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        long took = System.nanoTime() - t0;
        if (response.statusCode() == 409 && body != null) {
            body[0] = null;
            return took;
        }
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        if (body != null) {
            body[0] = response.body();
        }
        return took;
    }

    static void report(String phase, String kind, long[][] perStudent, double selectionsPerSecond, long errors) {
        long[] all = Arrays.stream(perStudent).filter(x -> x != null).flatMapToLong(Arrays::stream).sorted().toArray();
        System.out.printf("%-26s %-8s %8d %8.1f %8.1f %8.1f %8.1f %10.0f %7d%n", phase, kind, all.length, pct(all, 50), pct(all, 95), pct(all, 99),
                all.length == 0 ? 0 : all[all.length - 1] / 1e6, selectionsPerSecond, errors);
    }

    static double pct(long[] sorted, int p) {
        return sorted.length == 0 ? 0 : sorted[Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }
}
