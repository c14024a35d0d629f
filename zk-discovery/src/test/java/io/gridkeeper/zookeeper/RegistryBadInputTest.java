package io.gridkeeper.zookeeper;

import static io.gridkeeper.zookeeper.TestMembers.*;
import static io.gridkeeper.zookeeper.TestRegistrations.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Hostile and malformed registrations written straight into the registry (as an attacker with write access to an
 * {@code acl=open} cluster, or a broken tool, would): each is skipped with one warning, the valid members are
 * still answered, and a running member is not disturbed.
 */
final class RegistryBadInputTest {

    @RegisterExtension
    static final ZookeeperExtension zookeeper = new ZookeeperExtension();

    @Test
    void directory_withEveryKindOfBadRegistration_answersOnlyTheValidMemberWithOneWarningEach() throws Exception {
        String membersPath = "/gridkeeper/" + uniqueClusterName() + "/members";
        zookeeper.write(membersPath + "/oversized", junk(900 * 1024));
        zookeeper.write(membersPath + "/deep-json", bytes("[".repeat(200_000)));
        zookeeper.write(membersPath + "/wrong-types", bytes("{\"name\":[1,2],\"id\":{\"x\":1},\"payload\":42}"));
        zookeeper.write(membersPath + "/empty", new byte[0]);
        zookeeper.write(membersPath + "/port-zero", registration("10.6.6.6:0"));
        zookeeper.write(membersPath + "/port-too-big", registration("10.6.6.6:70000"));
        zookeeper.write(membersPath + "/port-not-a-number", registration("10.6.6.6:http"));
        zookeeper.write(membersPath + "/unresolvable", registration("no-such-host.invalid:5701"));
        zookeeper.write(membersPath + "/no-node-id", registrationWithoutNodeId("127.0.0.1:5799"));
        zookeeper.write(membersPath + "/127.0.0.1:5701", registration("127.0.0.1:5701"));
        RecordingLogger logger = new RecordingLogger();

        try (MemberDirectory directory = new MemberDirectory(zookeeper.curator(), membersPath, SERIALIZER, logger)) {
            assertThat(directory.start(30_000)).isTrue();

            assertThat(nodeIds(directory)).containsExactly("127.0.0.1:5701");
            assertThat(directory.unreadableCount()).isEqualTo(9);
            assertThat(logger.warnings()).hasSize(9);
            assertThat(logger.warnings()).allSatisfy(warning -> assertThat(warning)
                    .startsWith("Skipping unreadable member registration [" + membersPath + "/")
                    .hasSizeLessThan(600));
            assertThat(logger.warnings())
                    .anySatisfy(w -> assertThat(w).contains("/oversized]", "a registration has at most"))
                    .anySatisfy(w -> assertThat(w).contains("/port-too-big]", "port [70000] not in 1..65535"))
                    .anySatisfy(w -> assertThat(w).contains("/port-zero]", "port [0] not in 1..65535"))
                    .anySatisfy(w -> assertThat(w).contains("/unresolvable]", "UnknownHostException"));

            // a burst of events on the registry (members coming and going) warns about nothing new
            for (int i = 0; i < 20; i++) {
                zookeeper.write(membersPath + "/127.0.0.1:" + (5710 + i), registration("127.0.0.1:" + (5710 + i)));
            }
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> nodeIds(directory).size() == 21);
            assertThat(logger.warnings()).hasSize(9);
        }
    }

    @Test
    void runningMember_whenHostileRegistrationsAppear_keepsRunningAndClientsStillFindIt() throws Exception {
        String cluster = uniqueClusterName();
        HazelcastInstance member = member(cluster, properties(zookeeper.connectString()));
        try {
            String membersPath = "/gridkeeper/" + cluster + "/members";
            zookeeper.write(membersPath + "/oversized", junk(900 * 1024));
            zookeeper.write(membersPath + "/port-too-big", registration("10.6.6.6:70000"));
            zookeeper.write(membersPath + "/unresolvable", registration("no-such-host.invalid:5701"));
            ZookeeperMember zookeeperMember =
                    ZookeeperMember.forInstance(member).orElseThrow();
            await().atMost(Duration.ofSeconds(20)).until(() -> zookeeperMember.unreadableMembers() == 3);

            HazelcastInstance client = client(cluster, properties(zookeeper.connectString()));
            try {
                client.getMap("orders").put("k", "v");
                assertThat(member.getMap("orders").get("k")).isEqualTo("v");
            } finally {
                client.shutdown();
            }
            assertThat(member.getLifecycleService().isRunning()).isTrue();
            assertThat(zookeeperMember.registeredMembers())
                    .extracting(MemberPayload::nodeId)
                    .containsExactly(zookeeperMember.nodeId());
        } finally {
            shutdown(member);
        }
    }

    private static byte[] junk(int size) {
        byte[] data = new byte[size];
        Arrays.fill(data, (byte) '{');
        return data;
    }
}
