package io.gridkeeper.it.micronaut;

import com.hazelcast.core.HazelcastInstance;
import io.gridkeeper.it.fixture.FreePorts;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * One running instance of the Micronaut bookshelf (environment {@code bookshelf}) on a random HTTP port, with
 * plain-text HTTP calls against it. {@link #close()} stops the app, its cache manager and its Hazelcast member.
 */
final class BookshelfInstance implements AutoCloseable {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final EmbeddedServer server;
    private final URI base;

    private BookshelfInstance(EmbeddedServer server) {
        this.server = server;
        this.base = URI.create("http://127.0.0.1:" + server.getPort());
    }

    /** Starts an instance named {@code name} in cluster {@code clusterName}, found through ZooKeeper. */
    static BookshelfInstance start(String name, String clusterName, String connectString, String missingCaches) {
        ApplicationContext context = ApplicationContext.builder()
                .environments("bookshelf")
                .deduceEnvironment(false)
                .properties(Map.of(
                        "bookshelf.name", name,
                        "bookshelf.cluster-name", clusterName,
                        "bookshelf.zookeeper", connectString,
                        "bookshelf.member-port", Integer.toString(FreePorts.next()),
                        "bookshelf.missing-caches", missingCaches))
                .start();
        try {
            return new BookshelfInstance(context.getBean(EmbeddedServer.class).start());
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
    }

    ApplicationContext context() {
        return server.getApplicationContext();
    }

    HazelcastInstance hazelcast() {
        return context().getBean(HazelcastInstance.class);
    }

    String get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET(), 200);
    }

    /** GET expecting a failure status; returns the body. */
    String getFailing(String path, int expectedStatus) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET(), expectedStatus);
    }

    void put(String path, String body) {
        send(
                HttpRequest.newBuilder(base.resolve(path))
                        .header("Content-Type", "text/plain")
                        .PUT(HttpRequest.BodyPublishers.ofString(body)),
                200);
    }

    void delete(String path) {
        send(HttpRequest.newBuilder(base.resolve(path)).DELETE(), 200);
    }

    /** How many values this instance computed so far, read over HTTP. */
    int computations() {
        return Integer.parseInt(get("/computations"));
    }

    private static String send(HttpRequest.Builder request, int expectedStatus) {
        HttpRequest built = request.timeout(Duration.ofSeconds(60)).build();
        try {
            HttpResponse<String> response = HTTP.send(built, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                throw new AssertionError(built.method() + " " + built.uri() + " answered [" + response.statusCode()
                        + "] instead of [" + expectedStatus + "]: " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(built.method() + " " + built.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + built.method() + " " + built.uri(), e);
        }
    }

    @Override
    public void close() {
        server.getApplicationContext().close();
    }
}
