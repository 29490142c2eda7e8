package fr.passerelle.sirene;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;

/**
 * A local stand-in for INSEE's API Sirene 3.11: {@code GET /api-sirene/3.11/siret/{siret}} answers what a
 * test set for that SIRET (a fixture from {@code src/test/resources/sirene/}, a status, headers, a delay),
 * and a 404 like INSEE's for any other. It records every request it receives.
 */
final class FakeSirene implements AutoCloseable {

    static final String CONTEXT = "/api-sirene/3.11";

    record Reply(int status, String fixture, Map<String, String> headers, Duration delay) {
    }

    record Request(String path, @Nullable String key, @Nullable String accept) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, Reply> replies = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    FakeSirene() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext(CONTEXT + "/siret/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    String baseUrl() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + CONTEXT;
    }

    FakeSirene answer(String siret, int status, String fixture) {
        return answer(siret, new Reply(status, fixture, Map.of(), Duration.ZERO));
    }

    FakeSirene answer(String siret, Reply reply) {
        replies.put(siret, reply);
        return this;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.add(new Request(path, exchange.getRequestHeaders().getFirst("X-INSEE-Api-Key-Integration"),
                exchange.getRequestHeaders().getFirst("Accept")));
        String siret = path.substring(path.lastIndexOf('/') + 1);
        Reply reply = replies.get(siret);
        byte[] body;
        String type = "application/json;charset=utf-8";
        int status;
        if (reply == null) {
            status = 404;
            body = ("{\"header\":{\"statut\":404,\"message\":\"Aucun élément trouvé pour le siret " + siret + "\"}}")
                    .getBytes(StandardCharsets.UTF_8);
        } else {
            pause(reply.delay());
            status = reply.status();
            body = fixture(reply.fixture());
            if (reply.fixture().endsWith(".html")) {
                type = "text/html;charset=utf-8";
            }
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        }
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    static byte[] fixture(String name) {
        try (InputStream in = FakeSirene.class.getResourceAsStream("/sirene/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pause(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
