package io.gridkeeper.migration.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.logging.Logger;
import io.gridkeeper.migration.ClusterMember;
import io.gridkeeper.migration.Decision;
import io.gridkeeper.zookeeper.election.LeaderElection;
import io.gridkeeper.zookeeper.election.LeaderIdentity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The leader's journal against a real ZooKeeper and real leader elections: fenced writes, material changes only. */
final class DecisionJournalTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String CLUSTER_PATH = "/gridkeeper/journal-test";
    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    private TestingServer server;
    private CuratorFramework firstClient;
    private CuratorFramework secondClient;
    private final MembershipTracker tracker = new MembershipTracker();

    @BeforeEach
    void start() throws Exception {
        server = new TestingServer();
        firstClient = client();
        secondClient = client();
        tracker.update(List.of(new ClusterMember("a", null), new ClusterMember("b", null)), T0);
        tracker.update(List.of(new ClusterMember("a", null)), T0.plusSeconds(1));
    }

    @AfterEach
    void stop() throws Exception {
        firstClient.close();
        secondClient.close();
        server.close();
    }

    private CuratorFramework client() {
        CuratorFramework client = CuratorFrameworkFactory.newClient(server.getConnectString(), new RetryOneTime(100));
        client.start();
        return client;
    }

    private static LeaderElection election(CuratorFramework client, String nodeId) {
        LeaderElection election = new LeaderElection(
                client, CLUSTER_PATH, new LeaderIdentity(nodeId, "127.0.0.1:1"), Logger.getLogger("test"));
        election.start();
        return election;
    }

    private DecisionJournal journal(CuratorFramework client, LeaderElection election, String nodeId) {
        return new DecisionJournal(client, CLUSTER_PATH, election, nodeId, Logger.getLogger("test"));
    }

    @Test
    void record_leader_writesHoldAndHistoryAtomicallyAndSkipsUnchangedDecisions() {
        try (LeaderElection election = election(firstClient, "a")) {
            await().atMost(TIMEOUT).until(election::isLeader);
            long epoch = election.leaderEpoch().orElseThrow();
            DecisionJournal journal = journal(firstClient, election, "a");
            assertThat(journal.resume()).isEmpty();
            Decision hold = Decision.hold("delayed", T0.plusSeconds(61), "members [b] missing");

            DecisionJournal.Outcome first = journal.record(epoch, T0.plusSeconds(2), hold, true, false, tracker);
            DecisionJournal.Outcome again = journal.record(epoch, T0.plusSeconds(3), hold, false, false, tracker);

            assertThat(first).isEqualTo(DecisionJournal.Outcome.WRITTEN);
            assertThat(again).isEqualTo(DecisionJournal.Outcome.UNCHANGED);
            HoldRecord stored =
                    MigrationZnodes.readHold(firstClient, CLUSTER_PATH).orElseThrow();
            assertThat(stored.isHold()).isTrue();
            assertThat(stored.until()).isEqualTo(T0.plusSeconds(61));
            assertThat(stored.epoch()).isEqualTo(epoch);
            assertThat(stored.baseline()).containsExactly("a", "b");
            assertThat(stored.departureList()).extracting(d -> d.nodeId()).containsExactly("b");
            assertThat(MigrationZnodes.readDecisions(firstClient, CLUSTER_PATH))
                    .singleElement()
                    .satisfies(entry -> assertThat(entry.detail()).isEqualTo(hold.describe()));
            assertThat(journal.holdDecisions()).isEqualTo(1);
        }
    }

    @Test
    void record_leaderWhoseTermEnded_isFencedAndTheNewLeaderResumes() {
        LeaderElection first = election(firstClient, "a");
        await().atMost(TIMEOUT).until(first::isLeader);
        long staleEpoch = first.leaderEpoch().orElseThrow();
        DecisionJournal stale = journal(firstClient, first, "a");
        stale.resume();
        Decision hold = Decision.hold("delayed", T0.plusSeconds(61), "members [b] missing");
        assertThat(stale.record(staleEpoch, T0.plusSeconds(2), hold, true, false, tracker))
                .isEqualTo(DecisionJournal.Outcome.WRITTEN);
        try (LeaderElection second = election(secondClient, "c")) {
            first.close();
            await().atMost(TIMEOUT).until(second::isLeader);
            long newEpoch = second.leaderEpoch().orElseThrow();
            DecisionJournal resumed = journal(secondClient, second, "c");

            DecisionJournal.Outcome fenced = stale.record(
                    staleEpoch, T0.plusSeconds(5), Decision.rebalance("immediate", "now"), true, false, tracker);
            HoldRecord carriedOver = resumed.resume().orElseThrow();

            assertThat(newEpoch).isGreaterThan(staleEpoch);
            assertThat(fenced).isEqualTo(DecisionJournal.Outcome.STALE);
            assertThat(carriedOver.epoch()).isEqualTo(staleEpoch);
            assertThat(carriedOver.until()).isEqualTo(T0.plusSeconds(61));
            assertThat(resumed.record(newEpoch, T0.plusSeconds(6), hold, false, false, tracker))
                    .isEqualTo(DecisionJournal.Outcome.WRITTEN);
            assertThat(MigrationZnodes.readHold(secondClient, CLUSTER_PATH)
                            .orElseThrow()
                            .epoch())
                    .isEqualTo(newEpoch);
        }
    }
}
