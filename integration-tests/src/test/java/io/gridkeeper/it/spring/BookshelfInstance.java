package io.gridkeeper.it.spring;

import com.hazelcast.core.HazelcastInstance;
import io.gridkeeper.it.apps.BookshelfApp;
import io.gridkeeper.it.fixture.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * One running instance of the Spring Boot bookshelf on a random HTTP port (HTTP calls in {@link BookshelfApp}).
 * {@link #close()} stops the app (and Boot's Hazelcast member or client).
 */
final class BookshelfInstance extends BookshelfApp {

    private final ConfigurableApplicationContext context;
    private final URLClassLoader classLoader;

    private BookshelfInstance(ConfigurableApplicationContext context, URLClassLoader classLoader) {
        super(((WebServerApplicationContext) context).getWebServer().getPort());
        this.context = context;
        this.classLoader = classLoader;
    }

    /** Starts an instance named {@code name} whose Boot-managed member joins {@code clusterName} through ZooKeeper. */
    static BookshelfInstance start(String name, String clusterName, String connectString) {
        return start(
                name,
                clusterName,
                connectString,
                "--bookshelf.hazelcast.mode=member",
                "--bookshelf.hazelcast.port=" + FreePorts.next());
    }

    /** Starts an instance named {@code name} as a Hazelcast client of {@code clusterName}, found through ZooKeeper. */
    static BookshelfInstance startClient(String name, String clusterName, String connectString) {
        return start(name, clusterName, connectString, "--bookshelf.hazelcast.mode=client");
    }

    private static BookshelfInstance start(String name, String clusterName, String connectString, String... more) {
        // JSR-107 scopes cache managers by URI and class loader, and Boot asks for the default URI with the
        // provider's default class loader (the thread context class loader). Two deployments in one JVM have
        // class loaders of their own; so do these two apps, else the second would get the first one's manager.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        URLClassLoader classLoader = new URLClassLoader("bookshelf-" + name, new URL[0], previous);
        thread.setContextClassLoader(classLoader);
        try {
            // command-line arguments, as an operator would start the app: they override spring-bookshelf.yml
            List<String> args = new ArrayList<>(List.of(
                    "--spring.config.name=spring-bookshelf",
                    "--bookshelf.instance-name=" + name,
                    "--bookshelf.hazelcast.cluster-name=" + clusterName,
                    "--bookshelf.zookeeper.connect-string=" + connectString));
            args.addAll(List.of(more));
            // the beans keep the test's class loader (CGLIB proxies of package-private classes live next to them)
            ConfigurableApplicationContext context = new SpringApplicationBuilder(BookshelfApplication.class)
                    .resourceLoader(new DefaultResourceLoader(previous))
                    .run(args.toArray(String[]::new));
            return new BookshelfInstance(context, classLoader);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    ConfigurableApplicationContext context() {
        return context;
    }

    @Override
    public HazelcastInstance hazelcast() {
        return context.getBean(HazelcastInstance.class);
    }

    @Override
    public void close() {
        try {
            context.close();
        } finally {
            try {
                classLoader.close();
            } catch (IOException e) {
                throw new UncheckedIOException("could not close the class loader of " + base(), e);
            }
        }
    }
}
