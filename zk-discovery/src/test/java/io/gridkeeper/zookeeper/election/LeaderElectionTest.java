package io.gridkeeper.zookeeper.election;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.gridkeeper.zookeeper.TestServers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.api.transaction.CuratorOp;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.test.KillSession;
import org.apache.curator.test.TestingServer;
import org.apache.zookeeper.KeeperException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class LeaderElectionTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String CLUSTER_PATH = "/gridkeeper/election-test";

    private TestingServer server;
    private final List<Participant> participants = new ArrayList<>();

    @BeforeEach
    void startZookeeper() throws Exception {
        server = TestServers.started();
    }

    @AfterEach
    void stopAll() throws Exception {
        participants.forEach(Participant::close);
        server.close();
    }

    @Test
    void start_threeParticipants_exactlyOneLeadsWithEpochOne() {
        List<Participant> all = List.of(participant("a"), participant("b"), participant("c"));

        Participant leader = awaitSingleLeader(all);

        assertThat(leader.election.leaderEpoch()).hasValue(1);
        assertThat(leader.events).containsExactly("gained:1");
        for (Participant each : all) {
            await().atMost(TIMEOUT).until(() -> each.election.currentLeader().equals(Optional.of(leader.identity())));
            await().atMost(TIMEOUT).until(() -> each.election.currentEpoch() == 1);
        }
        LeadershipView view = LeadershipView.read(leader.client, CLUSTER_PATH);
        assertThat(view.leader()).contains(leader.identity());
        assertThat(view.epoch()).isEqualTo(1);
        assertThat(view.epochHolder()).contains(leader.identity());
        assertThat(view.participants()).hasSize(3).first().isEqualTo(leader.identity());
    }

    @Test
    void close_leader_anotherLeadsWithHigherEpoch() {
        List<Participant> all = List.of(participant("a"), participant("b"), participant("c"));
        Participant first = awaitSingleLeader(all);
        long firstEpoch = first.election.leaderEpoch().orElseThrow();

        first.close();

        Participant second = awaitSingleLeader(others(all, first));
        assertThat(second.election.leaderEpoch()).hasValue(firstEpoch + 1);
        assertThat(first.events).containsExactly("gained:" + firstEpoch, "lost:" + firstEpoch);
        assertThat(first.election.isLeader()).isFalse();
    }

    @Test
    void sessionExpiry_leader_leadershipMovesWithHigherEpoch() {
        List<Participant> all = List.of(participant("a"), participant("b"), participant("c"));
        Participant first = awaitSingleLeader(all);
        long firstEpoch = first.election.leaderEpoch().orElseThrow();

        KillSession.kill(first.zookeeperHandle());

        await().atMost(TIMEOUT).until(() -> first.events.contains("lost:" + firstEpoch));
        Participant second = awaitSingleLeader(all);
        assertThat(second).isNotSameAs(first);
        assertThat(second.election.leaderEpoch().orElseThrow()).isGreaterThan(firstEpoch);
    }

    @Test
    void checkEpoch_staleLeaderAfterNewTerm_rejectedAndItsTransactionFails() throws Exception {
        List<Participant> all = List.of(participant("a"), participant("b"));
        Participant first = awaitSingleLeader(all);
        long firstEpoch = first.election.leaderEpoch().orElseThrow();
        CuratorOp fenceTakenWhileLeading = first.election.fenceOp(firstEpoch);
        first.election.checkEpoch(firstEpoch);

        KillSession.kill(first.zookeeperHandle());
        Participant second = awaitSingleLeader(others(all, first));
        long secondEpoch = second.election.leaderEpoch().orElseThrow();

        AtomicBoolean staleActionRan = new AtomicBoolean();
        assertThatThrownBy(() -> first.election.runFenced(firstEpoch, () -> staleActionRan.set(true)))
                .isInstanceOf(StaleEpochException.class)
                .hasMessageContaining("Epoch [" + firstEpoch + "]")
                .hasMessageContaining("stale");
        assertThat(staleActionRan).isFalse();
        assertThatThrownBy(() -> first.client
                        .transaction()
                        .forOperations(
                                fenceTakenWhileLeading,
                                first.client.transactionOp().create().forPath("/stale-write")))
                .isInstanceOf(KeeperException.BadVersionException.class);
        assertThat(first.client.checkExists().forPath("/stale-write")).isNull();
        assertThat(second.election.callFenced(secondEpoch, () -> "applied")).isEqualTo("applied");
    }

    @Test
    void close_leaderAfterEpochZnodeWasLost_nextEpochStaysAboveTheHighestSeen() throws Exception {
        List<Participant> all = List.of(participant("a"), participant("b"));
        Participant first = awaitSingleLeader(all);
        Participant second = others(all, first).get(0);
        await().atMost(TIMEOUT).until(() -> second.election.currentEpoch() == 1);

        first.client.delete().forPath(CLUSTER_PATH + "/leader/epoch");
        first.close();

        awaitSingleLeader(List.of(second));
        assertThat(second.election.leaderEpoch()).hasValue(2);
        assertThat(LeadershipView.read(second.client, CLUSTER_PATH).epoch()).isEqualTo(2);
    }

    @Test
    void checkEpoch_epochOfAnotherTerm_rejected() {
        Participant leader = awaitSingleLeader(List.of(participant("a")));
        long epoch = leader.election.leaderEpoch().orElseThrow();

        assertThatThrownBy(() -> leader.election.checkEpoch(epoch - 1))
                .isInstanceOf(StaleEpochException.class)
                .hasMessageContaining("leads with epoch [" + epoch + "]");
        assertThatThrownBy(() -> leader.election.fenceOp(epoch + 1)).isInstanceOf(StaleEpochException.class);
    }

    @Test
    void checkEpoch_follower_rejected() {
        List<Participant> all = List.of(participant("a"), participant("b"));
        Participant leader = awaitSingleLeader(all);
        Participant follower = others(all, leader).get(0);

        assertThatThrownBy(() -> follower.election.checkEpoch(leader.election.currentEpoch()))
                .isInstanceOf(StaleEpochException.class)
                .hasMessageContaining("not the leader");
    }

    @Test
    void fenceOp_currentTerm_commitsWithTheWrite() throws Exception {
        Participant leader = awaitSingleLeader(List.of(participant("a")));
        long epoch = leader.election.leaderEpoch().orElseThrow();

        leader.client
                .transaction()
                .forOperations(
                        leader.election.fenceOp(epoch),
                        leader.client.transactionOp().create().forPath("/fenced-write", new byte[] {1}));

        assertThat(leader.client.getData().forPath("/fenced-write")).containsExactly(1);
    }

    @Test
    void suspended_leader_dropsLeadershipAtOnceAndRetakesHigherEpochOnReconnect() throws Exception {
        Participant leader = awaitSingleLeader(List.of(participant("a")));
        long sessionId = leader.zookeeperHandle().getSessionId();

        server.stop();

        await().atMost(TIMEOUT).until(() -> leader.events.contains("lost:1"));
        assertThat(leader.election.isLeader()).isFalse();
        assertThat(leader.election.leaderEpoch()).isEmpty();

        server.restart();

        await().atMost(TIMEOUT).until(() -> leader.events.contains("gained:2"));
        assertThat(leader.events).containsExactly("gained:1", "lost:1", "gained:2");
        // Same session: leadership was dropped on SUSPENDED, long before the session could be LOST.
        assertThat(leader.zookeeperHandle().getSessionId()).isEqualTo(sessionId);
        assertThat(leader.election.isLeader()).isTrue();
    }

    @Test
    void listeners_gainAndLoss_runOnTheElectionThread() {
        Participant leader = awaitSingleLeader(List.of(participant("a")));

        leader.close();

        assertThat(leader.threads).hasSize(2).allMatch(name -> name.equals("gridkeeper-election-a"));
    }

    @Test
    void addListener_whileLeading_isToldAtOnce() {
        Participant leader = awaitSingleLeader(List.of(participant("a")));
        List<Long> gained = new CopyOnWriteArrayList<>();

        leader.election.addListener(new LeadershipListener() {
            @Override
            public void leadershipGained(long epoch) {
                gained.add(epoch);
            }

            @Override
            public void leadershipLost(long epoch) {}
        });

        await().atMost(TIMEOUT).until(() -> gained.equals(List.of(1L)));
    }

    @Test
    void start_calledTwice_failsNamingTheState() {
        Participant participant = participant("a");

        assertThatThrownBy(participant.election::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is STARTED; start() may be called once");
    }

    @Test
    void close_calledTwice_isIdempotent() {
        Participant leader = awaitSingleLeader(List.of(participant("a")));

        leader.election.close();
        leader.election.close();

        assertThat(leader.events).containsExactly("gained:1", "lost:1");
    }

    @Test
    void close_neverStarted_isClosedAndCannotStart() {
        LeaderElection election = new LeaderElection(
                participant("a").client, CLUSTER_PATH + "-other", new LeaderIdentity("x", "127.0.0.1:1"));

        election.close();

        assertThatThrownBy(election::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is CLOSED; start() may be called once");
        assertThat(election.isLeader()).isFalse();
    }

    @Test
    void currentEpoch_garbageInEpochZnode_failsNamingTheZnode() throws Exception {
        Participant leader = awaitSingleLeader(List.of(participant("a")));
        leader.client.setData().forPath(CLUSTER_PATH + "/leader/epoch", "not json".getBytes());

        await().atMost(TIMEOUT).untilAsserted(() -> assertThatThrownBy(leader.election::currentEpoch)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("[" + CLUSTER_PATH + "/leader/epoch] holds unreadable data [not json]"));
    }

    private Participant awaitSingleLeader(List<Participant> candidates) {
        await().atMost(TIMEOUT)
                .until(() ->
                        candidates.stream().filter(p -> p.election.isLeader()).count() == 1);
        return candidates.stream()
                .filter(p -> p.election.isLeader())
                .findFirst()
                .orElseThrow();
    }

    private static List<Participant> others(List<Participant> all, Participant excluded) {
        return all.stream().filter(p -> p != excluded).toList();
    }

    private Participant participant(String nodeId) {
        Participant participant = new Participant(server.getConnectString(), nodeId);
        participants.add(participant);
        return participant;
    }

    /** One election participant with its own ZooKeeper session, recording what its listener is told. */
    private static final class Participant implements AutoCloseable {

        final CuratorFramework client;
        final LeaderElection election;
        final List<String> events = new CopyOnWriteArrayList<>();
        final List<String> threads = new CopyOnWriteArrayList<>();

        Participant(String connectString, String nodeId) {
            client = CuratorFrameworkFactory.newClient(connectString, 10_000, 5_000, new RetryOneTime(200));
            client.start();
            election = new LeaderElection(client, CLUSTER_PATH, new LeaderIdentity(nodeId, "127.0.0.1:57" + nodeId));
            election.addListener(new LeadershipListener() {
                @Override
                public void leadershipGained(long epoch) {
                    threads.add(Thread.currentThread().getName());
                    events.add("gained:" + epoch);
                }

                @Override
                public void leadershipLost(long epoch) {
                    threads.add(Thread.currentThread().getName());
                    events.add("lost:" + epoch);
                }
            });
            election.start();
        }

        LeaderIdentity identity() {
            return election.self();
        }

        org.apache.zookeeper.ZooKeeper zookeeperHandle() {
            try {
                return client.getZookeeperClient().getZooKeeper();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            election.close();
            client.close();
        }
    }
}
