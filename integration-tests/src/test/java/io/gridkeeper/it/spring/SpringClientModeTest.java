package io.gridkeeper.it.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.core.Hazelcast;
import io.gridkeeper.it.apps.DataMember;
import io.gridkeeper.it.fixture.ZookeeperFixture;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Spring Boot bookshelf as a Hazelcast <em>client</em> ({@code bookshelf.hazelcast.mode=client}: a
 * {@code ClientConfig} bean with Gridkeeper's ZooKeeper discovery, from which Boot starts the client it hands to the
 * JCache provider), over HTTP, with a member holding the data: the app's cached values are the member's IMap entries,
 * and what the member changes is what the app serves.
 */
final class SpringClientModeTest {

    private static ZookeeperFixture zookeeper;
    private static DataMember member;
    private static BookshelfInstance app;

    @BeforeAll
    static void start() {
        zookeeper = ZookeeperFixture.single();
        String clusterName = "spring-client-" + UUID.randomUUID();
        member = DataMember.start(clusterName, zookeeper.connectString());
        app = BookshelfInstance.startClient("client", clusterName, zookeeper.connectString());
    }

    @AfterAll
    static void stop() {
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
    void clientMode_appIsAClientOfTheMember_noMemberInTheApp() {
        assertThat(HazelcastClient.getAllHazelcastClients()).containsExactly(app.hazelcast());
        assertThat(Hazelcast.getAllHazelcastInstances()).containsExactly(member.instance());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> member.instance()
                                .getClientService()
                                .getConnectedClients()
                                .size()
                        == 1);
    }

    @Test
    void cacheable_valueCachedByTheApp_isInTheMembersMap() {
        String body = app.get("/books/978-0-13-468599-1");

        assertThat(body).startsWith("title of 978-0-13-468599-1 (computed by client #");
        assertThat(member.<String, String>cacheMap("books").get("978-0-13-468599-1"))
                .isEqualTo(body);
    }

    @Test
    void memberPutThenEvict_appServesTheMembersValueThenComputesAgain() {
        app.get("/books/978-1-61729-254-5");
        int computed = app.computations();

        member.<String, String>cacheMap("books").put("978-1-61729-254-5", "set on the member");

        assertThat(app.get("/books/978-1-61729-254-5")).isEqualTo("set on the member");
        assertThat(app.computations()).isEqualTo(computed);

        member.cacheMap("books").evict("978-1-61729-254-5");

        assertThat(app.get("/books/978-1-61729-254-5")).contains("computed by client #" + (computed + 1));
        assertThat(member.<String, String>cacheMap("books").get("978-1-61729-254-5"))
                .contains("computed by client #" + (computed + 1));
    }
}
