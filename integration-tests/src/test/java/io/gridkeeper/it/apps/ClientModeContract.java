package io.gridkeeper.it.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.core.Hazelcast;
import io.gridkeeper.it.fixture.ZookeeperFixture;
import java.time.Duration;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What an example app in Hazelcast <em>client</em> mode must show, whatever its framework: over HTTP, with a member
 * holding the data (found through ZooKeeper discovery), the app's cached values are the member's IMap entries, and
 * what the member changes is what the app serves. Each framework's test extends this and says how its app starts as
 * a client.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ClientModeContract {

    private @Nullable ZookeeperFixture zookeeper;
    private @Nullable DataMember member;
    private @Nullable BookshelfApp app;

    /** Starts the framework's app as a client of the cluster {@code clusterName} found through ZooKeeper. */
    protected abstract BookshelfApp startClient(String clusterName, String zookeeperConnectString);

    @BeforeAll
    final void start() {
        zookeeper = ZookeeperFixture.single();
        String clusterName = getClass().getSimpleName() + "-" + UUID.randomUUID();
        member = DataMember.start(clusterName, zookeeper.connectString());
        app = startClient(clusterName, zookeeper.connectString());
    }

    @AfterAll
    final void stop() {
        if (app != null) {
            app.close();
        }
        if (member != null) {
            member.close();
        }
        if (zookeeper != null) {
            zookeeper.close();
        }
    }

    @Test
    protected void clientMode_appIsAClientOfTheMember_noMemberInTheApp() {
        assertThat(HazelcastClient.getAllHazelcastClients()).containsExactly(app().hazelcast());
        assertThat(Hazelcast.getAllHazelcastInstances()).containsExactly(member().instance());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> member().instance()
                                .getClientService()
                                .getConnectedClients()
                                .size()
                        == 1);
    }

    @Test
    protected void cacheable_valueCachedByTheApp_isInTheMembersMap() {
        String body = app().get("/books/978-0-13-468599-1");

        assertThat(body).startsWith("title of 978-0-13-468599-1 (computed by client #");
        assertThat(member().<String, String>cacheMap("books").get("978-0-13-468599-1"))
                .isEqualTo(body);
    }

    @Test
    protected void memberPutThenEvict_appServesTheMembersValueThenComputesAgain() {
        app().get("/books/978-1-61729-254-5");
        int computed = app().computations();

        member().<String, String>cacheMap("books").put("978-1-61729-254-5", "set on the member");

        assertThat(app().get("/books/978-1-61729-254-5")).isEqualTo("set on the member");
        assertThat(app().computations()).isEqualTo(computed);

        member().cacheMap("books").evict("978-1-61729-254-5");

        assertThat(app().get("/books/978-1-61729-254-5")).contains("computed by client #" + (computed + 1));
        assertThat(member().<String, String>cacheMap("books").get("978-1-61729-254-5"))
                .contains("computed by client #" + (computed + 1));
    }

    private BookshelfApp app() {
        if (app == null) {
            throw new IllegalStateException("the app did not start");
        }
        return app;
    }

    private DataMember member() {
        if (member == null) {
            throw new IllegalStateException("the data member did not start");
        }
        return member;
    }
}
