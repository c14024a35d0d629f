package io.gridkeeper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridkeeper.migration.control.HoldRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

final class StatusCommandTest {

    private static final Instant NOW = Instant.parse("2026-11-21T20:00:00Z");

    private static final ZookeeperHealth CONNECTED =
            new ZookeeperHealth("zk1:2181", true, "CONNECTED", true, "10.0.1.1:2181", "0xab", 10_000L, null);

    private static final PolicyShowCommand.PolicyReport START_CONFIGURATION = new PolicyShowCommand.PolicyReport(
            PolicyShowCommand.Source.START_CONFIGURATION,
            "/gridkeeper/orders/migration/policy",
            null,
            null,
            Map.of(),
            Map.of("max-lost-replicas", "1", "max-unprotected-seconds", "300"),
            List.of("delayed", "immediate"),
            null,
            List.of());

    @Test
    void text_healthyClusterWithZones_listsLeaderZonesAndMembers() {
        ClusterStatus status = status(
                "ACTIVE",
                true,
                null,
                0,
                new ClusterStatus.Leader("n1", "10.0.0.1:5701"),
                START_CONFIGURATION,
                null,
                CONNECTED,
                List.of(
                        member("10.0.0.1:5701", "n1", "eu-1a", true, true, true),
                        member("10.0.0.2:5701", "n2", "eu-1b", true, true, false)),
                List.of(new ClusterStatus.Zone("eu-1a", 1), new ClusterStatus.Zone("eu-1b", 1)));

        assertThat(StatusCommand.text(status).lines())
                .containsExactly(
                        "Cluster   orders  (ZooKeeper zk1:2181, /gridkeeper/orders)",
                        "ZooKeeper connected to 10.0.1.1:2181 (quorum reachable), session 0xab, timeout 10s",
                        "State     ACTIVE, safe",
                        "Backups   every partition has a backup",
                        "Leader    n1 at 10.0.0.1:5701, epoch 3",
                        "Policy    each member's start configuration (in force: delayed)",
                        "Hold      none (migrations are not held)",
                        "Zones     eu-1a (1), eu-1b (1)",
                        "Members   2 in the cluster, 2 registered in ZooKeeper",
                        "  ADDRESS        NODE ID  ZONE   ZK SESSION  POLICY   NOTE",
                        "  10.0.0.1:5701  n1       eu-1a  0x1f (6s)   delayed  leader",
                        "  10.0.0.2:5701  n2       eu-1b  0x1f (6s)   delayed");
    }

    @Test
    void text_holdAfterAMemberLeft_showsPolicyHoldDeadlineReasonAndPartitionsWithoutBackup() {
        PolicyShowCommand.PolicyReport delayed = new PolicyShowCommand.PolicyReport(
                PolicyShowCommand.Source.ZOOKEEPER,
                "/gridkeeper/orders/migration/policy",
                NOW.minusSeconds(3600),
                "delayed",
                Map.of("grace-seconds", "600"),
                Map.of(),
                List.of(),
                null,
                List.of());
        HoldView hold = HoldView.of(
                new HoldRecord(
                        "HOLD",
                        "delayed",
                        "member [n3] left [20s] ago",
                        NOW.plusSeconds(580).toEpochMilli(),
                        NOW.minusSeconds(20).toEpochMilli(),
                        3,
                        "n1",
                        null,
                        List.of(),
                        List.of(),
                        List.of()),
                "NO_MIGRATION",
                NOW);
        ClusterStatus status = status(
                "NO_MIGRATION",
                false,
                null,
                90,
                new ClusterStatus.Leader("n1", "10.0.0.1:5701"),
                delayed,
                hold,
                CONNECTED,
                List.of(member("10.0.0.1:5701", "n1", null, true, true, true)),
                List.of());

        assertThat(StatusCommand.text(status))
                .contains("Backups   90 partition(s) WITHOUT BACKUP for 20s")
                .contains("Policy    delayed {grace-seconds=600}  (cluster-wide, set 2026-11-21T19:00:00Z)")
                .contains("Hold      hold by [delayed] until [2026-11-21T20:09:40Z]: member [n3] left [20s] ago; 9m 40s"
                        + " left");
        assertThat(hold).isNotNull();
        assertThat(hold.inForce()).isTrue();
        assertThat(hold.remainingSeconds()).isEqualTo(580);
    }

    @Test
    void text_unsafeClusterWithoutLeaderAndSplitViews_saysSoPerMember() {
        ClusterStatus status = status(
                "NO_MIGRATION",
                false,
                null,
                0,
                null,
                START_CONFIGURATION,
                null,
                CONNECTED,
                List.of(
                        member("10.0.0.1:5701", "n1", null, true, false, false),
                        member("10.0.0.3:5701", "n3", null, false, true, false)),
                List.of());

        assertThat(StatusCommand.text(status))
                .contains("State     NO_MIGRATION, NOT SAFE (migrations pending or backups missing)")
                .contains("Leader    none (epoch 3)")
                .contains("Zones     none configured")
                .contains("Members   1 in the cluster, 1 registered in ZooKeeper")
                .contains("in the cluster but not registered in ZooKeeper")
                .contains("registered but not in the cluster");
    }

    @Test
    void text_healthUnknown_showsTheReason() {
        ClusterStatus status = new ClusterStatus(
                "dev",
                "zk:2181",
                "/gridkeeper/dev",
                null,
                null,
                "no member answered",
                null,
                null,
                null,
                0,
                START_CONFIGURATION,
                null,
                ZookeeperHealth.unreachable("zk:2181", "closed"),
                List.of(),
                List.of(),
                List.of());

        assertThat(StatusCommand.text(status))
                .contains("State     unknown: no member answered")
                .contains("Backups   unknown (no member answered)")
                .contains("ZooKeeper NOT CONNECTED (UNKNOWN: closed)");
    }

    @Test
    void text_policyAndHoldZnodesUnreadable_saysSoOnTheirLinesAndShowsTheRest() throws Exception {
        Unreadable policyZnode = new Unreadable(
                Unreadable.Kind.POLICY,
                "/gridkeeper/orders/migration/policy",
                "KeeperErrorCode = NoAuth for /gridkeeper/orders/migration/policy",
                false);
        Unreadable holdZnode = new Unreadable(
                Unreadable.Kind.HOLD,
                "/gridkeeper/orders/migration/hold",
                "Unreadable HoldRecord [junk] (4 bytes): Unrecognized token 'junk'",
                true);
        String policyError = "[/gridkeeper/orders/migration/policy] KeeperErrorCode = NoAuth for"
                + " /gridkeeper/orders/migration/policy";
        String holdError = "[/gridkeeper/orders/migration/hold] Unreadable HoldRecord [junk] (4 bytes): Unrecognized"
                + " token 'junk'";
        PolicyShowCommand.PolicyReport unreadablePolicy = new PolicyShowCommand.PolicyReport(
                PolicyShowCommand.Source.ZOOKEEPER,
                "/gridkeeper/orders/migration/policy",
                NOW,
                PolicyShowCommand.UNREADABLE,
                Map.of(),
                Map.of("error", "the stored policy is unreadable by this tool: " + policyError),
                List.of("delayed"),
                null,
                List.of(policyZnode, holdZnode));
        ClusterStatus status = new ClusterStatus(
                "orders",
                "zk1:2181",
                "/gridkeeper/orders",
                "ACTIVE",
                true,
                null,
                0,
                0L,
                new ClusterStatus.Leader("n1", "10.0.0.1:5701"),
                3,
                unreadablePolicy,
                null,
                CONNECTED,
                List.of(member("10.0.0.1:5701", "n1", null, true, true, true)),
                List.of(),
                unreadablePolicy.unreadable());

        assertThat(StatusCommand.text(status).lines())
                .contains(
                        "State     ACTIVE, safe",
                        "Leader    n1 at 10.0.0.1:5701, epoch 3",
                        "Policy    unreadable (" + policyError + ")",
                        "Hold      unreadable (" + holdError + ")",
                        "Members   1 in the cluster, 1 registered in ZooKeeper");
        JsonNode json = new ObjectMapper().readTree(OutputOptions.json(status));
        assertThat(json.path("unreadable").get(1).asText()).isEqualTo(holdError);
        assertThat(json.path("policy").path("unreadable").get(0).asText()).isEqualTo(policyError);
    }

    @Test
    void json_status_hasEveryDocumentedTopLevelField() throws Exception {
        ClusterStatus status = status(
                "ACTIVE",
                true,
                null,
                0,
                null,
                START_CONFIGURATION,
                null,
                CONNECTED,
                List.of(member("10.0.0.1:5701", "n1", null, true, true, false)),
                List.of());

        JsonNode json = new ObjectMapper().readTree(OutputOptions.json(status));

        assertThat(json.fieldNames())
                .toIterable()
                .containsExactly(
                        "clusterName",
                        "zookeeper",
                        "clusterPath",
                        "clusterState",
                        "clusterSafe",
                        "healthNote",
                        "partitionsWithoutBackup",
                        "unprotectedSeconds",
                        "leader",
                        "epoch",
                        "policy",
                        "hold",
                        "zookeeperHealth",
                        "members",
                        "zones",
                        "unreadable");
        assertThat(json.path("zookeeperHealth").path("server").asText()).isEqualTo("10.0.1.1:2181");
        assertThat(json.path("members").get(0).path("sessionTimeoutMillis").asLong())
                .isEqualTo(6000);
    }

    private static ClusterStatus status(
            String state,
            boolean safe,
            @Nullable String note,
            int withoutBackup,
            ClusterStatus.@Nullable Leader leader,
            PolicyShowCommand.PolicyReport policy,
            @Nullable HoldView hold,
            ZookeeperHealth zookeeper,
            List<ClusterStatus.MemberStatus> members,
            List<ClusterStatus.Zone> zones) {
        return new ClusterStatus(
                "orders",
                "zk1:2181",
                "/gridkeeper/orders",
                state,
                safe,
                note,
                withoutBackup,
                withoutBackup == 0 ? 0L : 20L,
                leader,
                3,
                policy,
                hold,
                zookeeper,
                members,
                zones,
                List.of());
    }

    private static ClusterStatus.MemberStatus member(
            String address,
            String nodeId,
            @Nullable String zone,
            boolean inCluster,
            boolean registered,
            boolean leader) {
        return new ClusterStatus.MemberStatus(
                address,
                nodeId,
                zone,
                inCluster,
                registered,
                leader,
                registered ? "0x1f" : null,
                inCluster ? "CONNECTED" : null,
                inCluster && registered ? "0x1f" : null,
                inCluster && registered ? 6000L : null,
                inCluster ? "delayed" : null,
                null);
    }
}
