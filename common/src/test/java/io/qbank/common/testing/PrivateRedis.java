package io.qbank.common.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A Redis server of the test's own, on a port of its own, that the test may stop and start again (an outage) without
 * touching the suite's shared Redis. It keeps nothing on disk: started again, it is empty.
 */
public class PrivateRedis implements QuarkusTestResourceLifecycleManager {

    public static final int PORT = Integer.getInteger("qbank.test.private-redis-port", 6391);
    private static Process server;

    @Override
    public Map<String, String> start() {
        startServer();
        return Map.of("quarkus.redis.hosts", "redis://127.0.0.1:" + PORT, "qbank.redis.probe-interval", "500ms");
    }

    @Override
    public void stop() {
        stopServer();
    }

    public static synchronized void startServer() {
        try {
            server = new ProcessBuilder("redis-server", "--port", String.valueOf(PORT), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start redis-server (is the redis-server package installed?)", e);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!answers()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("redis-server on port " + PORT + " did not answer within 10 s");
            }
            sleep(50);
        }
    }

    /** Stops the server as an outage would (SIGKILL: no goodbye to the clients). */
    public static synchronized void stopServer() {
        if (server != null) {
            server.destroyForcibly();
            try {
                server.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            server = null;
        }
    }

    /** Whether the server answers PING. */
    public static boolean answers() {
        return command("PING").startsWith("+PONG");
    }

    /**
     * One command in the inline protocol: its reply line, or for a bulk reply the value (null for none); empty when nothing
     * answers.
     */
    public static String command(String inline) {
        try (Socket socket = new Socket("127.0.0.1", PORT)) {
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            out.write((inline + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            String reply = line(in);
            if (reply.startsWith("$")) {
                return reply.equals("$-1") ? null : line(in);
            }
            return reply;
        } catch (IOException e) {
            return "";
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
            line.append((char) c);
        }
        return line.toString().trim();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
