package io.gridkeeper.it.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.cluster.ClusterState;
import com.hazelcast.core.HazelcastInstance;
import io.gridkeeper.it.fixture.MemberJvm;
import io.gridkeeper.it.fixture.NetworkLab;
import io.gridkeeper.migration.control.DecisionRecord;
import io.gridkeeper.migration.control.HoldRecord;
import io.gridkeeper.migration.control.MigrationController;
import io.gridkeeper.migration.control.MigrationZnodes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.cache.Cache;
import org.junit.jupiter.api.Test;

/**
 * The dead-man switch against a member really cut off from ZooKeeper: three member JVMs in their own network
 * namespaces ({@link NetworkLab}) under the {@code delayed} policy, whose leader holds the balanced cluster in {@code
 * NO_MIGRATION} one grace period ahead and renews the stored deadline whenever half of it is used. One member that
 * does not lead is cut from ZooKeeper's address ({@link NetworkLab#cutFromServices}) while its Hazelcast links stay
 * up: it keeps the last hold it saw, whose deadline passes while the leader goes on renewing a hold it cannot see.
 *
 * <ul>
 *   <li>The cut member leaves the deadline to the hold's writer, which is still a member: the cluster stays in {@code
 *       NO_MIGRATION} past the cut member's last seen deadline plus the switch's slack, until its session has expired
 *       and the leader has renewed the hold beyond what the cut member saw. Grace 10 s keeps that well inside the 30 s
 *       the switch leaves to the writer (the stored deadline is renewed when half of it is used, so the last one the cut
 *       member saw ends about 5 s after the cut or later, and the switch would act about 38 s after the cut or later).
 *   <li>The leader is then killed with -9: the hold's writer is gone, so a surviving member's dead-man switch ends the
 *       expired hold without the 30 s (the cut member at once, as it still cannot reach ZooKeeper and its last seen
 *       deadline is long past), the remaining member takes over the leadership with a newer epoch, the cluster has
 *       every backup again, and no acknowledged write is lost. The cut member ends that hold once: the new leader's
 *       own hold (waiting for the killed member under {@code delayed}) is not undone by it, so the new leader records
 *       no state set by hand and ends its hold itself.
 * </ul>
 */
final class ZookeeperCutDuringHoldFaultTest {

    private static final List<String> HOSTS = List.of("a", "b", "c");
    private static final Duration SLACK = Duration.ofSeconds(MigrationController.DEAD_MAN_SLACK_SECONDS);
    /** Past the slack by a few controller ticks, so a member that would act at the slack has had its turn. */
    private static final Duration PAST_SLACK = SLACK.plusSeconds(3);

    private static final String MEMBER_YAML = """
            hazelcast:
              properties:
                hazelcast.partition.count: 71
                gridkeeper.migration.policy: delayed
                gridkeeper.migration.grace-seconds: 10
            """;

    @Test
    void nonLeaderCutFromZookeeper_leaderRenewsHold_holdKeptUntilLeaderDiesThenActiveWithoutLoss() throws Exception {
        try (NamespaceCluster cluster = new NamespaceCluster(HOSTS, MEMBER_YAML)) {
            Map<String, MemberJvm> members = new LinkedHashMap<>();
            HOSTS.forEach(host -> members.put(host, cluster.startMember(host)));
            await("a leader with an epoch").atMost(Duration.ofSeconds(60)).until(() -> Epochs.read(
                            cluster.observer, cluster.clusterPath)
                    .isPresent());
            Epochs before = Epochs.read(cluster.observer, cluster.clusterPath).orElseThrow();
            String leaderHost = before.nodeId().substring("node-".length());
            List<String> others =
                    HOSTS.stream().filter(host -> !host.equals(leaderHost)).toList();
            String cutHost = others.get(0);
            String cutNode = "node-" + cutHost;
            String thirdHost = others.get(1);
            String cutAddress = cluster.lab.address(cutHost);
            String thirdAddress = cluster.lab.address(thirdHost);
            HazelcastInstance client = cluster.client(thirdHost);
            Cache<String, Long> cache = cluster.cache(client, FaultCluster.CACHE);

            String faults =
                    cutNode + " cut from ZooKeeper during the leader's renewed hold, then kill -9 of the leader";
            FaultScenario.run("member cut off from ZooKeeper during a hold", faults, cache, workload -> {
                workload.awaitProgress(100);
                await("balanced cluster of 3 held by the leader, every backup in place")
                        .atMost(Duration.ofSeconds(120))
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> stored(cluster)
                                        .filter(hold -> hold.isHold()
                                                && hold.leader().equals(before.nodeId())
                                                && hold.baseline().size() == 3
                                                && hold.departures().isEmpty()
                                                && hold.arrivals().isEmpty())
                                        .isPresent()
                                && ControllerProbe.ask(client, thirdAddress).state() == ClusterState.NO_MIGRATION
                                && SafetyProbe.clusterSafe(client));

                cluster.lab.cutFromServices(cutHost);

                await(cutNode + " leaves the expired hold to its live writer")
                        .atMost(Duration.ofSeconds(90))
                        .pollInterval(Duration.ofMillis(500))
                        .failFast(
                                "the cluster left NO_MIGRATION while the leader renewed the hold",
                                () -> ControllerProbe.ask(client, thirdAddress).state() != ClusterState.NO_MIGRATION)
                        .until(() -> {
                            ControllerProbe.View view = ControllerProbe.ask(client, cutAddress);
                            Instant seen = view.holdUntil();
                            return !view.leader()
                                    && before.nodeId().equals(view.holdWriter())
                                    // its session expired: it really lost ZooKeeper
                                    && !cluster.registered().contains(cutNode)
                                    // the live leader renewed the hold beyond what the cut member saw
                                    && stored(cluster)
                                            .filter(hold -> hold.isHold()
                                                    && hold.leader().equals(before.nodeId())
                                                    && hold.until().isAfter(seen))
                                            .isPresent()
                                    && Instant.now().isAfter(seen.plus(PAST_SLACK));
                        });
                ControllerProbe.View cut = ControllerProbe.ask(client, cutAddress);
                assertThat(cut.state()).isEqualTo(ClusterState.NO_MIGRATION);
                assertThat(deadManSwitch(members.get(cutHost), cutNode)).isEmpty();
                Instant lastSeen = cut.holdUntil();

                long killedAt = System.nanoTime();
                members.get(leaderHost).kill();

                // the first member to see the writer gone ends the hold: the cut member at once (its last seen
                // deadline passed long ago), the other one at its own later deadline plus the slack
                List<String> ended = await("a surviving member ends the expired hold once its writer is gone")
                        .atMost(Duration.ofSeconds(90))
                        .pollInterval(Duration.ofMillis(500))
                        .until(
                                () -> List.of(cutHost, thirdHost).stream()
                                        .flatMap(host -> deadManSwitch(members.get(host), "node-" + host).stream())
                                        .toList(),
                                lines -> !lines.isEmpty());
                // ended because the writer left, not because the 30 s left to a present writer ran out
                assertThat(ended).allSatisfy(line -> assertThat(line)
                        .contains("no leader acted within [" + SLACK.toSeconds() + "s]; restoring ACTIVE")
                        .doesNotContain("although its writer"));
                deadManSwitch(members.get(cutHost), cutNode)
                        .ifPresent(line -> assertThat(line).contains("expired at [" + lastSeen + "]"));
                await("the remaining member leads with a newer epoch, 2 members with every backup")
                        .atMost(Duration.ofSeconds(120))
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> Epochs.read(cluster.observer, cluster.clusterPath)
                                        .map(epochs -> epochs.epoch() > before.epoch()
                                                && epochs.nodeId().equals("node-" + thirdHost))
                                        .orElse(false)
                                && client.getCluster().getMembers().size() == 2
                                && SafetyProbe.clusterSafe(client));
                // the cut member ended the old hold once and left the new leader's states alone: the new leader
                // holds for the killed member and ends that hold itself at the grace limit (under `delayed` it then
                // holds the balanced cluster again), and never finds its state changed "by hand"
                List<DecisionRecord> newLeader = await("the new leader ends its hold for the killed member itself")
                        .atMost(Duration.ofSeconds(90))
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> decisionsAfter(cluster, before.epoch()), decisions -> decisions.stream()
                                .anyMatch(decision -> decision.isRebalance()
                                        && decision.explanation().contains("still missing")));
                assertThat(newLeader).as("the new leader's decisions").noneMatch(decision -> decision.type()
                        .equals("MANUAL"));
                return Duration.ofNanos(System.nanoTime() - killedAt);
            });
        }
    }

    /** The decisions stored under leader epochs newer than {@code epoch}, oldest first (one read of the history). */
    private static List<DecisionRecord> decisionsAfter(NamespaceCluster cluster, long epoch) {
        return MigrationZnodes.readDecisions(cluster.observer, cluster.clusterPath).stream()
                .filter(decision -> decision.epoch() > epoch)
                .toList();
    }

    /** The hold record the leader stored, read as any ZooKeeper tool can. */
    private static Optional<HoldRecord> stored(NamespaceCluster cluster) {
        return MigrationZnodes.readHold(cluster.observer, cluster.clusterPath).filter(hold -> hold.type() != null);
    }

    /** The dead-man switch's warning in {@code member}'s log, if it acted. */
    private static Optional<String> deadManSwitch(MemberJvm member, String nodeId) {
        try (var lines = Files.lines(member.log())) {
            String marker = "Dead-man switch on [" + nodeId + "]";
            return lines.filter(line -> line.contains(marker)).findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
