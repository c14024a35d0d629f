package io.gridkeeper.it.micronaut;

import com.hazelcast.core.HazelcastInstance;
import io.gridkeeper.it.apps.BookshelfApp;
import io.gridkeeper.it.fixture.FreePorts;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.Map;

/**
 * One running instance of the Micronaut bookshelf (environment {@code bookshelf}) on a random HTTP port (HTTP calls in
 * {@link BookshelfApp}). {@link #close()} stops the app, its cache manager and its Hazelcast member or client.
 */
final class BookshelfInstance extends BookshelfApp {

    private final EmbeddedServer server;

    private BookshelfInstance(EmbeddedServer server) {
        super(server.getPort());
        this.server = server;
    }

    /** Starts an instance named {@code name} as a member of {@code clusterName}, found through ZooKeeper. */
    static BookshelfInstance start(String name, String clusterName, String connectString, String missingCaches) {
        return start(Map.of(
                "bookshelf.name", name,
                "bookshelf.mode", "member",
                "bookshelf.cluster-name", clusterName,
                "bookshelf.zookeeper", connectString,
                "bookshelf.member-port", Integer.toString(FreePorts.next()),
                "bookshelf.missing-caches", missingCaches));
    }

    /** Starts an instance named {@code name} as a client of {@code clusterName}, whose members it finds in ZooKeeper. */
    static BookshelfInstance startClient(String name, String clusterName, String connectString) {
        return start(Map.of(
                "bookshelf.name", name,
                "bookshelf.mode", "client",
                "bookshelf.cluster-name", clusterName,
                "bookshelf.zookeeper", connectString));
    }

    private static BookshelfInstance start(Map<String, Object> properties) {
        ApplicationContext context = ApplicationContext.builder()
                .environments("bookshelf")
                .deduceEnvironment(false)
                .properties(properties)
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

    @Override
    public HazelcastInstance hazelcast() {
        return context().getBean(HazelcastInstance.class);
    }

    @Override
    public void close() {
        server.getApplicationContext().close();
    }
}
