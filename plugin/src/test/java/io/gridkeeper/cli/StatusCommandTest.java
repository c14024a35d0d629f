package io.gridkeeper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

final class StatusCommandTest {

    @Test
    void text_healthyClusterWithZones_listsLeaderZonesAndMembers() {
        ClusterStatus status = new ClusterStatus(
                "orders",
                "zk1:2181",
                "/gridkeeper/orders",
                "ACTIVE",
                true,
                null,
                new ClusterStatus.Leader("n1", "10.0.0.1:5701"),
                3,
                List.of(
                        new ClusterStatus.MemberStatus("10.0.0.1:5701", "n1", "eu-1a", true, true, true),
                        new ClusterStatus.MemberStatus("10.0.0.2:5701", "n2", "eu-1b", true, true, false)),
                List.of(new ClusterStatus.Zone("eu-1a", 1), new ClusterStatus.Zone("eu-1b", 1)));

        assertThat(StatusCommand.text(status).lines())
                .containsExactly(
                        "Cluster  orders  (ZooKeeper zk1:2181, /gridkeeper/orders)",
                        "State    ACTIVE, safe",
                        "Leader   n1 at 10.0.0.1:5701, epoch 3",
                        "Zones    eu-1a (1), eu-1b (1)",
                        "Members  2 in the cluster, 2 registered in ZooKeeper",
                        "  ADDRESS        NODE ID  ZONE   NOTE",
                        "  10.0.0.1:5701  n1       eu-1a  leader",
                        "  10.0.0.2:5701  n2       eu-1b");
    }

    @Test
    void text_unsafeClusterWithoutLeaderAndSplitViews_saysSoPerMember() {
        ClusterStatus status = new ClusterStatus(
                "dev",
                "127.0.0.1:21810",
                "/gridkeeper/dev",
                "NO_MIGRATION",
                false,
                null,
                null,
                4,
                List.of(
                        new ClusterStatus.MemberStatus("10.0.0.1:5701", "n1", null, true, false, false),
                        new ClusterStatus.MemberStatus("10.0.0.3:5701", "n3", null, false, true, false)),
                List.of());

        assertThat(StatusCommand.text(status))
                .contains("State    NO_MIGRATION, NOT SAFE (migrations pending or backups missing)")
                .contains("Leader   none (epoch 4)")
                .contains("Zones    none configured")
                .contains("Members  1 in the cluster, 1 registered in ZooKeeper")
                .contains("in the cluster but not registered in ZooKeeper")
                .contains("registered but not in the cluster");
    }

    @Test
    void text_healthUnknown_showsTheReason() {
        ClusterStatus status = new ClusterStatus(
                "dev", "zk:2181", "/gridkeeper/dev", null, null, "no member answered", null, 0, List.of(), List.of());

        assertThat(StatusCommand.text(status)).contains("State    unknown: no member answered");
    }
}
