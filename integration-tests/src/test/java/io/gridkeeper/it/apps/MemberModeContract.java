package io.gridkeeper.it.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gridkeeper.it.fixture.ZookeeperFixture;
import java.time.Duration;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What an example app in Hazelcast <em>member</em> mode must show, whatever its framework: two app instances, a and b,
 * whose members form one cluster through ZooKeeper discovery share their caches over HTTP. A value one instance
 * computed is served by the other without computing it again, an update on one is what the other serves, and an
 * eviction on one makes the other compute again. Each framework's test extends this, says how an instance starts as a
 * member, and adds its framework's own checks through {@link #a()} and {@link #b()}.
 *
 * @param <A> the framework's app instance
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class MemberModeContract<A extends BookshelfApp> {

    private @Nullable ZookeeperFixture zookeeper;
    private @Nullable A a;
    private @Nullable A b;

    /** Starts the framework's app instance {@code name} as a member of {@code clusterName}, found through ZooKeeper. */
    protected abstract A startMember(String name, String clusterName, String zookeeperConnectString);

    @BeforeAll
    final void start() {
        zookeeper = ZookeeperFixture.single();
        String clusterName = getClass().getSimpleName() + "-" + UUID.randomUUID();
        a = startMember("a", clusterName, zookeeper.connectString());
        b = startMember("b", clusterName, zookeeper.connectString());
        await().atMost(Duration.ofSeconds(60))
                .until(() -> a().hazelcast().getCluster().getMembers().size() == 2
                        && b().hazelcast().getCluster().getMembers().size() == 2);
    }

    @AfterAll
    final void stop() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
        if (zookeeper != null) {
            zookeeper.close();
        }
    }

    @Test
    protected void cacheable_valueComputedOnOneInstance_isServedByTheOtherWithoutComputing() {
        int computedOnB = b().computations();

        String first = a().get("/books/978-0-13-468599-1");
        String second = b().get("/books/978-0-13-468599-1");

        assertThat(first).startsWith("title of 978-0-13-468599-1 (computed by a #");
        assertThat(second).isEqualTo(first);
        assertThat(a().get("/books/978-0-13-468599-1")).isEqualTo(first);
        assertThat(b().computations()).isEqualTo(computedOnB);
    }

    @Test
    protected void cachePut_updateOnOneInstance_isServedByTheOther() {
        a().get("/books/978-1-61729-254-5");
        int computedOnB = b().computations();

        a().put("/books/978-1-61729-254-5", "Java Concurrency in Practice, 2nd edition");

        assertThat(b().get("/books/978-1-61729-254-5")).isEqualTo("Java Concurrency in Practice, 2nd edition");
        assertThat(b().computations()).isEqualTo(computedOnB);
    }

    /** Spring maps the DELETE to {@code @CacheEvict}, Micronaut to {@code @CacheInvalidate}. */
    @Test
    protected void evict_onOneInstance_makesTheOtherComputeAgain() {
        assertThat(a().get("/books/978-0-321-35668-0")).contains("computed by a #");

        b().delete("/books/978-0-321-35668-0");

        assertThat(b().get("/books/978-0-321-35668-0")).contains("computed by b #");
        assertThat(a().get("/books/978-0-321-35668-0")).contains("computed by b #");
    }

    /** App instance a. */
    protected final A a() {
        if (a == null) {
            throw new IllegalStateException("app instance a did not start");
        }
        return a;
    }

    /** App instance b. */
    protected final A b() {
        if (b == null) {
            throw new IllegalStateException("app instance b did not start");
        }
        return b;
    }
}
