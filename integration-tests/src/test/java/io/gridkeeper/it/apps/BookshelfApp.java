package io.gridkeeper.it.apps;

import com.hazelcast.core.HazelcastInstance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * One running bookshelf app instance (Spring or Micronaut) on a random HTTP port, with plain-text HTTP calls against
 * it. Each framework's {@code BookshelfInstance} starts the app and closes it.
 */
public abstract class BookshelfApp implements AutoCloseable {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final URI base;

    protected BookshelfApp(int httpPort) {
        this.base = URI.create("http://127.0.0.1:" + httpPort);
    }

    /** The Hazelcast member or client holding this app's caches. */
    public abstract HazelcastInstance hazelcast();

    /** Stops the app (and the Hazelcast instance it started). */
    @Override
    public abstract void close();

    public URI base() {
        return base;
    }

    /** GET expecting 200; returns the body. */
    public String get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET(), 200);
    }

    /** GET expecting a failure status; returns the body. */
    public String getFailing(String path, int expectedStatus) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET(), expectedStatus);
    }

    /** PUT of a plain-text body, expecting 200. */
    public void put(String path, String body) {
        send(
                HttpRequest.newBuilder(base.resolve(path))
                        .header("Content-Type", "text/plain")
                        .PUT(HttpRequest.BodyPublishers.ofString(body)),
                200);
    }

    /** DELETE expecting 200. */
    public void delete(String path) {
        send(HttpRequest.newBuilder(base.resolve(path)).DELETE(), 200);
    }

    /** How many values this instance computed so far, read over HTTP. */
    public int computations() {
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
}
