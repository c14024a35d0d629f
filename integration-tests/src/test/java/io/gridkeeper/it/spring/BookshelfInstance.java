package io.gridkeeper.it.spring;

import com.hazelcast.core.HazelcastInstance;
import io.gridkeeper.it.fixture.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * One running instance of the Spring Boot bookshelf on a random HTTP port, with plain-text HTTP calls against it.
 * {@link #close()} stops the app (and Boot's Hazelcast member).
 */
final class BookshelfInstance implements AutoCloseable {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final ConfigurableApplicationContext context;
    private final URLClassLoader classLoader;
    private final URI base;

    private BookshelfInstance(ConfigurableApplicationContext context, URLClassLoader classLoader) {
        this.context = context;
        this.classLoader = classLoader;
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        this.base = URI.create("http://127.0.0.1:" + port);
    }

    /** Starts an instance named {@code name} in cluster {@code clusterName}, found through ZooKeeper. */
    static BookshelfInstance start(String name, String clusterName, String connectString) {
        // JSR-107 scopes cache managers by URI and class loader, and Boot asks for the default URI with the
        // provider's default class loader (the thread context class loader). Two deployments in one JVM have
        // class loaders of their own; so do these two apps, else the second would get the first one's manager.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        URLClassLoader classLoader = new URLClassLoader("bookshelf-" + name, new URL[0], previous);
        thread.setContextClassLoader(classLoader);
        try {
            // command-line arguments, as an operator would start the app: they override spring-bookshelf.yml
            // the beans keep the test's class loader (CGLIB proxies of package-private classes live next to them)
            ConfigurableApplicationContext context = new SpringApplicationBuilder(BookshelfApplication.class)
                    .resourceLoader(new DefaultResourceLoader(previous))
                    .run(
                            "--spring.config.name=spring-bookshelf",
                            "--bookshelf.instance-name=" + name,
                            "--bookshelf.hazelcast.cluster-name=" + clusterName,
                            "--bookshelf.hazelcast.port=" + FreePorts.next(),
                            "--bookshelf.zookeeper.connect-string=" + connectString);
            return new BookshelfInstance(context, classLoader);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    ConfigurableApplicationContext context() {
        return context;
    }

    HazelcastInstance hazelcast() {
        return context.getBean(HazelcastInstance.class);
    }

    String get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET(), 200);
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
        try {
            context.close();
        } finally {
            try {
                classLoader.close();
            } catch (IOException e) {
                throw new UncheckedIOException("could not close the class loader of " + base, e);
            }
        }
    }
}
