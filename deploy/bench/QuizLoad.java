import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Quiz sessions against delivery-service (pure JDK): each of S students (one token each, a line of the token file) starts
 * an adaptive quiz of L items and loops next → answer until it ends, then starts another. Open loop: each student takes one
 * next+answer step every S/R seconds, so that the whole runs at R selections per second whatever the latency (a student
 * that falls behind catches up at once; latencies count from the request's send). Reports p50/p95/p99/max per request kind,
 * the selections achieved per second and the errors, for a warm-up then a measured window.
 * <p>
 * The students' first quizzes have lengths 1 to L in turn, and every later one has L items: the quizzes then end and start
 * evenly over time, as among students who did not all sit down in the same second. With every first quiz of L items, all S
 * students would finish and start a quiz within one step of each other, every L steps (every 4 s at the defaults), and the
 * service would see S quiz starts at once where a real population sends S / L per step.
 * <p>
 * With --timeline FILE the measured window is also written per 100 ms (by when the request was sent): requests, requests over
 * 25 ms, the slowest; it tells a tail spread thinly over the window from one that comes from a few stalls.
 * With --ceiling the same students send GET /q/health/live twice per step instead: the service's trivial endpoint under the
 * same request rate. With --rate 0 the students go back to back (closed loop): the most the service can do.
 * <p>
 * One thread and one selector drive every student's keep-alive connection (HTTP/1.1, non-blocking): the generator shares
 * the machine's cores with the service and its database, so it must cost as little CPU as it can (a thread per student
 * with the JDK's HttpClient took a third of the machine).
 * Usage: java QuizLoad.java --base URL --tokens FILE --exam CODE [--rate 1500] [--length 30] [--seconds 20] [--warmup 10] [--ceiling]
 */
public class QuizLoad {

    static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    static final Pattern POSITION = Pattern.compile("\"position\":(\\d+)");
    static final int NEXT = 0, ANSWER = 1, START = 2;

    public static void main(String[] args) throws Exception {
        String base = null, exam = null;
        Path tokensFile = null;
        double rate = 1500;
        int length = 30, seconds = 20, warmup = 10;
        boolean ceiling = false;
        Path timelineFile = null;
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
                case "--timeline" -> timelineFile = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        List<String> tokens = Files.readAllLines(tokensFile).stream().filter(t -> !t.isBlank()).toList();
        String label = ceiling ? "ceiling /q/health/live" : rate == 0 ? "closed loop" : "open loop " + (int) rate + "/s";
        System.out.printf("%-26s %-8s %8s %8s %8s %8s %8s %10s %7s%n", "phase", "request", "count", "p50_ms", "p95_ms", "p99_ms", "max_ms",
                "selects/s", "errors");
        Load load = new Load(URI.create(base), exam, tokens, rate, length, ceiling);
        Load.Window w = load.run(warmup, seconds);
        double selectionsPerSecond = w.selections / (seconds * 1.0);
        report(label, ceiling ? "health" : "next", w.latencies[NEXT], selectionsPerSecond, w.errors);
        report(label, ceiling ? "health" : "answer", w.latencies[ANSWER], selectionsPerSecond, w.errors);
        if (!ceiling) {
            report(label, "start", w.latencies[START], selectionsPerSecond, w.errors);
        }
        if (w.firstError != null) {
            System.out.println("first error: " + w.firstError);
        }
        if (timelineFile != null) {
            Files.write(timelineFile, w.timeline.lines(seconds));
        }
    }

    /** The event loop: every student is a small state machine on its own connection. */
    static final class Load {
        final URI base;
        final String exam;
        final List<String> tokens;
        final long periodNanos;
        final int length;
        final boolean ceiling;
        final Selector selector;
        final PriorityQueue<Student> due = new PriorityQueue<>((a, b) -> Long.compare(a.scheduled, b.scheduled));
        Window window;
        long windowStart, end;

        static final class Window {
            final Latencies[] latencies = { new Latencies(), new Latencies(), new Latencies() };
            final Timeline timeline = new Timeline();
            long selections, errors;
            String firstError;
        }

        Load(URI base, String exam, List<String> tokens, double rate, int length, boolean ceiling) throws IOException {
            this.base = base;
            this.exam = exam;
            this.tokens = tokens;
            this.periodNanos = rate == 0 ? 0 : (long) (tokens.size() / rate * 1e9);
            this.length = length;
            this.ceiling = ceiling;
            this.selector = Selector.open();
        }

        Window run(int warmupSeconds, int seconds) throws IOException {
            long now = System.nanoTime();
            windowStart = now + warmupSeconds * 1_000_000_000L;
            end = windowStart + seconds * 1_000_000_000L;
            window = new Window();
            window.timeline.start = java.time.Instant.now().plusNanos(windowStart - now);
            for (int s = 0; s < tokens.size(); s++) {
                Student student = new Student(this, s, "Bearer " + tokens.get(s));
                // spread the students' first steps over one period so they do not arrive in lockstep
                student.scheduled = now + (periodNanos == 0 ? 0 : student.random.nextLong(periodNanos));
                due.add(student);
            }
            int active = tokens.size();
            while (active > 0) {
                now = System.nanoTime();
                if (now > end + 10_000_000_000L) { // requests still unanswered 10 s after the end: give up on them
                    break;
                }
                while (!due.isEmpty() && due.peek().scheduled <= now) {
                    Student student = due.poll();
                    if (now >= end) {
                        student.close();
                        active--;
                    } else {
                        student.step();
                    }
                }
                long waitMillis = due.isEmpty() ? 100 : Math.max(1, (due.peek().scheduled - now) / 1_000_000);
                selector.select(waitMillis);
                for (SelectionKey key : selector.selectedKeys()) {
                    Student student = (Student) key.attachment();
                    if (!key.isValid()) {
                        continue;
                    }
                    try {
                        if (key.isConnectable() && student.channel.finishConnect()) {
                            key.interestOps(SelectionKey.OP_WRITE);
                        }
                        if (key.isValid() && key.isWritable()) {
                            student.flush();
                        }
                        if (key.isValid() && key.isReadable()) {
                            student.read();
                        }
                    } catch (Exception e) {
                        student.failed(e);
                    }
                }
                selector.selectedKeys().clear();
            }
            selector.close();
            return window;
        }

        boolean measuring(long at) {
            return at >= windowStart && at < end;
        }

        void error(String what) {
            if (measuring(System.nanoTime())) {
                window.errors++;
                if (window.firstError == null) {
                    window.firstError = what;
                }
            }
        }
    }

    /** One student: its connection, its quiz, the request in flight and the response being read. */
    static final class Student {
        final Load load;
        final String auth;
        final Random random;
        SocketChannel channel;
        SelectionKey key;
        String quiz;
        int position;
        int inFlight = -1;
        int quizLength;
        long sentAt, scheduled;
        ByteBuffer out;
        ByteBuffer in = ByteBuffer.allocate(64 * 1024);

        Student(Load load, int index, String auth) {
            this.load = load;
            this.auth = auth;
            this.random = new Random(index);
            this.quizLength = 1 + index % load.length; // the first quiz only: see the class comment
        }

        /** The start of a step: the quiz's next item (or a new quiz, or the health endpoint for the ceiling). */
        void step() throws IOException {
            if (load.ceiling) {
                send(NEXT, "GET", "/q/health/live", null);
            } else if (quiz == null) {
                send(START, "POST", "/api/v1/quizzes", "{\"examCode\":\"" + load.exam + "\",\"mode\":\"tutor\",\"length\":" + quizLength + "}");
            } else {
                send(NEXT, "POST", "/api/v1/quizzes/" + quiz + "/next", "");
            }
        }

        void send(int kind, String method, String path, String body) throws IOException {
            if (channel == null) {
                channel = SocketChannel.open();
                channel.configureBlocking(false);
                channel.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
                channel.connect(new InetSocketAddress(load.base.getHost(), load.base.getPort()));
                key = channel.register(load.selector, SelectionKey.OP_CONNECT, this);
            }
            StringBuilder request = new StringBuilder(1200).append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ")
                    .append(load.base.getAuthority()).append("\r\nAuthorization: ").append(auth).append("\r\n");
            byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            if (body != null) {
                request.append("Content-Type: application/json\r\nContent-Length: ").append(bytes.length).append("\r\n");
            }
            byte[] head = request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
            out = ByteBuffer.allocate(head.length + bytes.length).put(head).put(bytes).flip();
            inFlight = kind;
            sentAt = System.nanoTime();
            in.clear();
            if (channel.isConnected()) {
                flush();
            }
        }

        void flush() throws IOException {
            channel.write(out);
            key.interestOps(out.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
        }

        void read() throws IOException {
            if (!in.hasRemaining()) {
                in = ByteBuffer.allocate(in.capacity() * 2).put(in.flip());
            }
            if (channel.read(in) < 0) {
                throw new IOException("connection closed by the service");
            }
            Response response = Response.parse(in.array(), in.position());
            if (response != null) {
                long now = System.nanoTime();
                int kind = inFlight;
                inFlight = -1;
                handle(kind, response, now);
            }
        }

        /** What a response means for the student: record it, then the next request or a wait for the next step. */
        void handle(int kind, Response response, long now) throws IOException {
            if (response.status == 409 && kind == NEXT && !load.ceiling) { // the quiz ended
                quiz = null;
                quizLength = load.length;
                step(); // a new quiz right away, within the same step
                return;
            }
            if (response.status / 100 != 2) {
                load.error(kind + " answered " + response.status + ": " + response.body());
                quiz = null;
                waitForNextStep();
                return;
            }
            if (load.measuring(now)) {
                load.window.latencies[kind].add(now - sentAt);
                load.window.timeline.add(sentAt - load.windowStart, now - sentAt);
                if (kind == NEXT && !load.ceiling) {
                    load.window.selections++;
                }
            }
            if (load.ceiling) {
                if (kind == NEXT) {
                    send(ANSWER, "GET", "/q/health/live", null);
                } else {
                    waitForNextStep();
                }
                return;
            }
            switch (kind) {
                case START -> {
                    Matcher m = ID.matcher(response.body());
                    if (!m.find()) {
                        load.error("no quiz id in " + response.body());
                        waitForNextStep();
                        return;
                    }
                    quiz = m.group(1);
                    send(NEXT, "POST", "/api/v1/quizzes/" + quiz + "/next", "");
                }
                case NEXT -> {
                    Matcher m = POSITION.matcher(response.body());
                    position = m.find() ? Integer.parseInt(m.group(1)) : -1;
                    String label = random.nextDouble() < 0.6 ? "A" : "B";
                    send(ANSWER, "POST", "/api/v1/quizzes/" + quiz + "/answers", "{\"position\":" + position + ",\"selectedLabel\":\"" + label
                            + "\",\"confidence\":3,\"timeTakenMs\":" + (20000 + random.nextInt(60000)) + "}");
                }
                default -> {
                    if (position >= quizLength) {
                        quiz = null;
                        quizLength = load.length;
                    }
                    waitForNextStep();
                }
            }
        }

        /** Open loop: the next step is one period after this one was due (at once when behind); closed loop: now. */
        void waitForNextStep() {
            if (key != null) {
                key.interestOps(0);
            }
            scheduled = load.periodNanos == 0 ? System.nanoTime() : scheduled + load.periodNanos;
            load.due.add(this);
        }

        void failed(Exception e) {
            load.error(e.toString());
            close();
            quiz = null;
            inFlight = -1;
            waitForNextStep();
        }

        void close() {
            if (channel != null) {
                key.cancel();
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
                channel = null;
                key = null;
            }
        }
    }

    /** A complete HTTP/1.1 response (Content-Length or chunked), or null while more bytes are needed. */
    record Response(int status, byte[] bytes, int bodyStart, int bodyLength) {

        String body() {
            return new String(bytes, bodyStart, bodyLength, StandardCharsets.UTF_8);
        }

        static Response parse(byte[] b, int n) {
            int headEnd = indexOf(b, 0, n, "\r\n\r\n");
            if (headEnd < 0) {
                return null;
            }
            String head = new String(b, 0, headEnd, StandardCharsets.US_ASCII);
            int status = Integer.parseInt(head.substring(9, 12));
            String lower = head.toLowerCase();
            int bodyStart = headEnd + 4;
            int cl = lower.indexOf("\r\ncontent-length:");
            if (cl >= 0) {
                int eol = lower.indexOf("\r\n", cl + 2);
                int length = Integer.parseInt(lower.substring(cl + 17, eol < 0 ? lower.length() : eol).trim());
                return n - bodyStart >= length ? new Response(status, b, bodyStart, length) : null;
            }
            if (lower.contains("\r\ntransfer-encoding: chunked")) {
                byte[] body = new byte[n];
                int size = 0, at = bodyStart;
                while (true) {
                    int eol = indexOf(b, at, n, "\r\n");
                    if (eol < 0) {
                        return null;
                    }
                    int chunk = Integer.parseInt(new String(b, at, eol - at, StandardCharsets.US_ASCII).split(";")[0].trim(), 16);
                    if (chunk == 0) {
                        return indexOf(b, eol + 2, n, "\r\n") < 0 ? null : new Response(status, body, 0, size);
                    }
                    if (n < eol + 2 + chunk + 2) {
                        return null;
                    }
                    System.arraycopy(b, eol + 2, body, size, chunk);
                    size += chunk;
                    at = eol + 2 + chunk + 2;
                }
            }
            return new Response(status, b, bodyStart, 0);
        }

        static int indexOf(byte[] b, int from, int n, String what) {
            outer:
            for (int i = from; i <= n - what.length(); i++) {
                for (int j = 0; j < what.length(); j++) {
                    if (b[i + j] != what.charAt(j)) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }

    /** Per 100 ms of the measured window: requests sent, those that took over 25 ms, the slowest. */
    static final class Timeline {
        static final long SLICE = 100_000_000L, SLOW = 25_000_000L;
        private long[] sent = new long[0], slow = new long[0], slowest = new long[0];
        java.time.Instant start; // of the window, to line the slices up with what other tools saw

        void add(long sentSinceStart, long latency) {
            if (sentSinceStart < 0) { // sent during the warm-up, answered within the window
                return;
            }
            int slice = (int) (sentSinceStart / SLICE);
            if (slice >= sent.length) {
                int size = Math.max(slice + 1, sent.length * 2);
                sent = Arrays.copyOf(sent, size);
                slow = Arrays.copyOf(slow, size);
                slowest = Arrays.copyOf(slowest, size);
            }
            sent[slice]++;
            slow[slice] += latency > SLOW ? 1 : 0;
            slowest[slice] = Math.max(slowest[slice], latency);
        }

        List<String> lines(int seconds) {
            List<String> lines = new ArrayList<>(List.of("second requests over_25ms slowest_ms (second 0 is " + start + ")"));
            for (int i = 0; i < Math.min(sent.length, seconds * 10); i++) {
                lines.add(String.format("%.1f %d %d %.1f", i / 10.0, sent[i], slow[i], slowest[i] / 1e6));
            }
            return lines;
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

        long[] sorted() {
            long[] all = Arrays.copyOf(values, size);
            Arrays.sort(all);
            return all;
        }
    }

    static void report(String phase, String kind, Latencies latencies, double selectionsPerSecond, long errors) {
        long[] all = latencies.sorted();
        System.out.printf("%-26s %-8s %8d %8.1f %8.1f %8.1f %8.1f %10.0f %7d%n", phase, kind, all.length, pct(all, 50), pct(all, 95), pct(all, 99),
                all.length == 0 ? 0 : all[all.length - 1] / 1e6, selectionsPerSecond, errors);
    }

    static double pct(long[] sorted, int p) {
        return sorted.length == 0 ? 0 : sorted[Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }
}
