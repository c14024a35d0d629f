package io.gridkeeper.zookeeper;

import static io.gridkeeper.zookeeper.TestMembers.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.test.TestingServer;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Session expiry, ZooKeeper restarts and a ZooKeeper that is down when a member starts. */
final class ZookeeperFailureTest {

    private TestingServer zookeeper;
    private CuratorFramework observer;

    @BeforeEach
    void startZookeeper() throws Exception {
        zookeeper = TestServers.started();
        observer = CuratorFrameworkFactory.newClient(zookeeper.getConnectString(), new RetryOneTime(100));
        observer.start();
    }

    @AfterEach
    void stopZookeeper() throws Exception {
        observer.close();
        zookeeper.close();
    }

    @Test
    void sessionExpiredOnServer_member_registersExactlyOnceOnNewSession() throws Exception {
        String cluster = uniqueClusterName();
        HazelcastInstance expiring = member(cluster, properties(zookeeper.getConnectString()));
        HazelcastInstance other = member(cluster, properties(zookeeper.getConnectString()));
        try (CuratorCache watch = CuratorCache.build(observer, "/gridkeeper/" + cluster + "/members")) {
            ZookeeperMember handle = ZookeeperMember.forInstance(expiring).orElseThrow();
            AtomicInteger creations = countCreations(watch, handle.registrationPath());
            ZooKeeper session = handle.curator().getZookeeperClient().getZooKeeper();
            long oldSession = session.getSessionId();

            expireOnServer(session);

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> ownerOf(handle.registrationPath()) == currentSession(handle)
                            && currentSession(handle) != oldSession);
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(20)).until(() -> creations.get() == 1);
            assertThat(children(cluster)).containsExactlyInAnyOrder(handle.nodeId(), nodeId(other));
            assertThat(other.getCluster().getMembers()).hasSize(2);
        } finally {
            shutdown(expiring, other);
        }
    }

    @Test
    void sessionLostWhileZookeeperDown_serverRestoresOldSession_staleEntryReplacedOnceAndNoGhostLater()
            throws Exception {
        String cluster = uniqueClusterName();
        HazelcastInstance member = member(cluster, properties(zookeeper.getConnectString()));
        try {
            ZookeeperMember handle = ZookeeperMember.forInstance(member).orElseThrow();
            long oldSession = currentSession(handle);
            long originalZnode = czxidOf(handle.registrationPath());
            AtomicBoolean lost = new AtomicBoolean();
            handle.curator().getConnectionStateListenable().addListener((client, state) -> {
                if (state == ConnectionState.LOST) {
                    lost.set(true);
                }
            });

            // down for longer than the session timeout: Curator gives the session up locally...
            zookeeper.stop();
            await().atMost(Duration.ofSeconds(30)).untilTrue(lost);
            // ...but the restarted server restores it (with its ephemeral znode) until it times out there
            zookeeper.restart();

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> currentSession(handle) != oldSession
                            && ownerOf(handle.registrationPath()) == currentSession(handle));
            long replacement = czxidOf(handle.registrationPath());
            assertThat(replacement).isNotEqualTo(originalZnode);
            // the old session expires on the server (session timeout 6 s): the replacement must survive it, unchanged
            await().during(Duration.ofSeconds(8))
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> ownerOf(handle.registrationPath()) == currentSession(handle)
                            && czxidOf(handle.registrationPath()) == replacement);
            assertThat(children(cluster)).containsExactly(handle.nodeId());
        } finally {
            shutdown(member);
        }
    }

    @Test
    void zookeeperRestart_membersKeepServingAndRegistryRecovers() throws Exception {
        String cluster = uniqueClusterName();
        HazelcastInstance first = member(cluster, properties(zookeeper.getConnectString()));
        HazelcastInstance second = member(cluster, properties(zookeeper.getConnectString()));
        try {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> second.getCluster().getMembers().size() == 2);
            ZookeeperMember handle = ZookeeperMember.forInstance(first).orElseThrow();

            zookeeper.stop();

            first.getMap("m").put("while-zookeeper-down", "served");
            assertThat(second.getMap("m").get("while-zookeeper-down")).isEqualTo("served");
            assertThat(handle.registeredMembers()).hasSize(2);

            zookeeper.restart();

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(children(cluster)).containsExactlyInAnyOrder(handle.nodeId(), nodeId(second));
                assertThat(ownerOf(handle.registrationPath())).isEqualTo(currentSession(handle));
            });
            assertThat(first.getCluster().getMembers()).hasSize(2);
            assertThat(handle.registeredMembers()).hasSize(2);
        } finally {
            shutdown(first, second);
        }
    }

    @Test
    void connectionLoss_sessionSurvives_registrationLeftUntouched() throws Exception {
        String cluster = uniqueClusterName();
        // a session long enough to survive the restart: the same znode must stay, without delete/re-create churn
        HazelcastInstance member =
                member(cluster, properties(zookeeper.getConnectString(), "session-timeout-seconds", 30));
        try (CuratorCache watch = CuratorCache.build(observer, "/gridkeeper/" + cluster + "/members")) {
            ZookeeperMember handle = ZookeeperMember.forInstance(member).orElseThrow();
            long session = currentSession(handle);
            long createdBy =
                    observer.checkExists().forPath(handle.registrationPath()).getCzxid();

            zookeeper.restart();
            AtomicInteger creations = countCreations(watch, handle.registrationPath());

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> handle.curator().getZookeeperClient().isConnected());
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(20)).until(() -> creations.get() == 0);
            assertThat(currentSession(handle)).isEqualTo(session);
            assertThat(observer.checkExists().forPath(handle.registrationPath()).getCzxid())
                    .isEqualTo(createdBy);
        } finally {
            shutdown(member);
        }
    }

    @Test
    void memberStart_zookeeperDown_failsAfterStartupTimeoutNamingConnectString() {
        String unreachable = "127.0.0.1:" + freePort();

        assertThatThrownBy(() -> member(
                        uniqueClusterName(),
                        properties(unreachable, "startup-timeout-seconds", 2, "connection-timeout-seconds", 1)))
                .hasStackTraceContaining(
                        "could not connect at [connect-string=" + unreachable + "] within [startup-timeout-seconds=2]");
    }

    @Test
    void clientStart_zookeeperDown_failsAfterStartupTimeoutNamingConnectString() {
        String unreachable = "127.0.0.1:" + freePort();

        assertThatThrownBy(() -> client(
                        uniqueClusterName(),
                        properties(unreachable, "startup-timeout-seconds", 2, "connection-timeout-seconds", 1)))
                .hasStackTraceContaining(
                        "could not connect at [connect-string=" + unreachable + "] within [startup-timeout-seconds=2]");
    }

    private AtomicInteger countCreations(CuratorCache watch, String path) throws Exception {
        AtomicInteger creations = new AtomicInteger();
        CountDownLatch initialized = new CountDownLatch(1);
        watch.listenable()
                .addListener(CuratorCacheListener.builder()
                        .forCreates(node -> {
                            if (node.getPath().equals(path) && initialized.getCount() == 0) {
                                creations.incrementAndGet();
                            }
                        })
                        .forInitialized(initialized::countDown)
                        .build());
        watch.start();
        assertThat(initialized.await(30, TimeUnit.SECONDS)).isTrue();
        return creations;
    }

    /** Expires a session on the server, as a long network partition would: attach to it and close it. */
    private void expireOnServer(ZooKeeper session) throws Exception {
        ZooKeeper attached = new ZooKeeper(
                zookeeper.getConnectString(), 6000, event -> {}, session.getSessionId(), session.getSessionPasswd());
        await().atMost(Duration.ofSeconds(10)).until(() -> attached.getState().isConnected());
        attached.close();
    }

    private long czxidOf(String path) throws Exception {
        Stat stat = observer.checkExists().forPath(path);
        return stat == null ? -1 : stat.getCzxid();
    }

    private long ownerOf(String path) throws Exception {
        Stat stat = observer.checkExists().forPath(path);
        return stat == null ? -1 : stat.getEphemeralOwner();
    }

    private static long currentSession(ZookeeperMember handle) throws Exception {
        return handle.curator().getZookeeperClient().getZooKeeper().getSessionId();
    }

    private List<String> children(String cluster) throws Exception {
        return observer.getChildren().forPath("/gridkeeper/" + cluster + "/members");
    }
}
