package io.gridkeeper.it.migration;

import static io.gridkeeper.it.migration.MigrationCluster.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.cluster.ClusterState;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.gridkeeper.migration.control.DecisionRecord;
import io.gridkeeper.migration.control.HoldRecord;
import java.time.Duration;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A second data member JVM is killed with SIGKILL while the delayed policy holds the first departure: the safety guard ends the hold. */
final class SecondDepartureTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    @Test
    void secondMemberDiesDuringHold_safetyRebalancesAtOnce() throws Exception {
        try (MigrationCluster cluster = new MigrationCluster(Map.of("policy", "delayed", "grace-seconds", "300"))) {
            HazelcastInstance member = cluster.member("a");
            cluster.member("b");
            MemberProcess first = cluster.process("c", Members.freePort());
            MemberProcess second = cluster.process("d", Members.freePort());
            await().atMost(TIMEOUT).until(() -> member.getCluster().getMembers().size() == 4);
            IMap<Integer, String> map = member.getMap(Members.MAP);
            IntStream.range(0, 1_000).forEach(i -> map.set(i, "v" + i));
            await().atMost(TIMEOUT)
                    .until(() -> cluster.hold()
                                    .filter(h -> h.isHold()
                                            && h.baseline().size() == 4
                                            && h.departures().isEmpty())
                                    .isPresent()
                            && state(member) == ClusterState.NO_MIGRATION);

            first.kill();
            await().atMost(TIMEOUT).until(() -> cluster.hold()
                    .filter(h -> h.isHold() && h.departures().size() == 1)
                    .isPresent());
            second.kill();

            DecisionRecord safety = await().atMost(TIMEOUT)
                    .until(
                            () -> cluster.decisions().stream()
                                    .filter(d -> d.isRebalance()
                                            && d.policy().equals("safety")
                                            && d.explanation().startsWith("partitions may have lost"))
                                    .findFirst()
                                    .orElse(null),
                            d -> d != null);
            assertThat(safety.explanation())
                    .contains("with [2] data members missing [c, d]", "more than allowed [max-lost-replicas=1]");
            assertThat(safety.detail()).contains("by [delayed]: members [c, d] missing");
            await().atMost(TIMEOUT).until(() -> cluster.hold()
                    .filter(HoldRecord::isHold)
                    .filter(h -> h.baseline().size() == 2)
                    .isPresent());
        }
    }
}
