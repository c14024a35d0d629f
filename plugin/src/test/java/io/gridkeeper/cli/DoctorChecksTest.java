package io.gridkeeper.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.gridkeeper.migration.control.HoldRecord;
import io.gridkeeper.zookeeper.election.LeaderIdentity;
import io.gridkeeper.zookeeper.election.LeadershipView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

final class DoctorChecksTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private static final DoctorChecks CHECKS = DoctorChecks.defaults();

    @Test
    void run_healthyCluster_noFindings() {
        assertThat(CHECKS.run(input(healthyReports(), null, registry(), null))).isEmpty();
    }

    @Test
    void zookeeper_unreachable_criticalWithTheReason() {
        DoctorInput input = new DoctorInput(
                NOW,
                "ZooKeeper [zk:2181] did not answer within [1s]; check --zookeeper",
                Map.of(),
                null,
                null,
                null,
                null,
                null,
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of(),
                null,
                null,
                List.of());

        List<Finding> findings = CHECKS.run(input);

        assertThat(findings).extracting(Finding::check).contains("zookeeper-unreachable");
        assertThat(DoctorChecks.worst(findings)).isEqualTo(Finding.Severity.CRITICAL);
    }

    @Test
    void run_junkHoldAndRefusedPolicy_ownFindingsNamingTheZnodeAndZookeeperReachable() {
        DoctorInput base = input(healthyReports(), null, registry(), null);
        Unreadable hold = new Unreadable(
                Unreadable.Kind.HOLD,
                "/gridkeeper/orders/migration/hold",
                "Unreadable HoldRecord [junk] (4 bytes): Unrecognized token 'junk'",
                true);
        Unreadable policy = new Unreadable(
                Unreadable.Kind.POLICY,
                "/gridkeeper/orders/migration/policy",
                "KeeperErrorCode = NoAuth for /gridkeeper/orders/migration/policy",
                false);

        List<Finding> findings = CHECKS.run(withUnreadable(base, List.of(hold, policy)));

        assertThat(findings)
                .extracting(Finding::check, Finding::severity)
                .containsExactly(
                        tuple("hold-unreadable", Finding.Severity.WARNING),
                        tuple("policy-unreadable", Finding.Severity.WARNING));
        assertThat(findings.get(0).summary())
                .isEqualTo("the hold record holds junk: [/gridkeeper/orders/migration/hold] Unreadable HoldRecord"
                        + " [junk] (4 bytes): Unrecognized token 'junk'");
        assertThat(findings.get(0).meaning())
                .contains("a new leader ignores it and replaces it with its first decision");
        assertThat(findings.get(1).summary())
                .isEqualTo("the cluster-wide policy is unreadable by this tool: [/gridkeeper/orders/migration/policy]"
                        + " KeeperErrorCode = NoAuth for /gridkeeper/orders/migration/policy");
        assertThat(findings.get(1).fix()).isEqualTo(DoctorChecks.ACCESS_FIX);
    }

    @Test
    void leader_junkEpochZnode_warnsThatNoNewLeaderCanTakeItsTerm() {
        DoctorInput base = input(healthyReports(), null, registry(), null);
        Unreadable epoch = new Unreadable(
                Unreadable.Kind.ELECTION,
                "/gridkeeper/orders/leader/epoch",
                "Epoch znode [/gridkeeper/orders/leader/epoch] holds unreadable data [garbage]",
                true);

        List<Finding> findings = CHECKS.leader(withUnreadable(base, List.of(epoch)));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.check()).isEqualTo("election-unreadable");
            assertThat(finding.summary())
                    .isEqualTo("the election znodes hold junk: [/gridkeeper/orders/leader/epoch] Epoch znode"
                            + " [/gridkeeper/orders/leader/epoch] holds unreadable data [garbage]");
            assertThat(finding.meaning()).contains("could not take a new epoch");
        });
    }

    @Test
    void membership_registrationUnreadable_warnsAndSaysTheUnregisteredMemberMayBeIt() {
        DoctorInput base = input(healthyReports(), null, Map.of(), null);
        Unreadable registration = new Unreadable(
                Unreadable.Kind.REGISTRATION,
                "/gridkeeper/orders/members/x",
                "KeeperErrorCode = NoAuth for /gridkeeper/orders/members/x",
                false);

        List<Finding> findings = CHECKS.membership(withUnreadable(base, List.of(registration)));

        assertThat(findings).extracting(Finding::check).startsWith("registration-unreadable");
        assertThat(findings)
                .filteredOn(finding -> finding.check().equals("in-cluster-not-registered"))
                .isNotEmpty()
                .allSatisfy(finding -> assertThat(finding.summary())
                        .contains("no readable registration in ZooKeeper names it (it may be one of the [1] unreadable"
                                + " ones"));
    }

    @Test
    void migrations_failedWhileTheClusterIsUnsafe_warns() {
        Map<String, MemberReport> reports = healthyReports();
        reports.put(
                "10.0.0.1:5701",
                withFailedMigrations(report("a", "10.0.0.1:5701", "ACTIVE", false, 3, 5, 30L, 60, null), 2));

        assertThat(CHECKS.migrations(input(reports, null, registry(), null)))
                .extracting(Finding::check, Finding::severity)
                .containsExactly(tuple("migrations-failing", Finding.Severity.WARNING));
    }

    @Test
    void migrations_failedEarlierButTheClusterIsSafe_onlyInforms() {
        Map<String, MemberReport> reports = healthyReports();
        reports.put(
                "10.0.0.1:5701",
                withFailedMigrations(report("a", "10.0.0.1:5701", "ACTIVE", true, 0, 0, 30L, 60, null), 1));

        List<Finding> findings = CHECKS.migrations(input(reports, null, registry(), null));

        assertThat(findings)
                .extracting(Finding::check, Finding::severity)
                .containsExactly(tuple("migrations-failed-earlier", Finding.Severity.INFO));
    }

    @Test
    void membership_registeredButNotInCluster_warnsNamingTheMember() {
        Map<String, ClusterStatusReader.RegistryEntry> registry = registry();
        registry.put(
                "10.0.0.9:5701", new ClusterStatusReader.RegistryEntry("10.0.0.9:5701", null, "ghost", null, null));

        List<Finding> findings = CHECKS.membership(input(healthyReports(), null, registry, null));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo("registered-not-in-cluster");
            assertThat(f.summary()).contains("member [ghost] at [10.0.0.9:5701]");
        });
    }

    @Test
    void membership_inClusterButNotRegistered_warns() {
        Map<String, ClusterStatusReader.RegistryEntry> registry = registry();
        registry.remove("10.0.0.2:5701");

        assertThat(CHECKS.membership(input(healthyReports(), null, registry, null)))
                .extracting(Finding::check)
                .containsExactly("in-cluster-not-registered");
    }

    @Test
    void partitions_withoutBackup_warnsWithCountAndDuration() {
        Map<String, MemberReport> reports = healthyReports();
        reports.put("10.0.0.1:5701", report("a", "10.0.0.1:5701", "NO_MIGRATION", false, 17, 42, 60L, 60, null));

        assertThat(CHECKS.partitions(input(reports, null, registry(), null)))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.check()).isEqualTo("partitions-without-backup");
                    assertThat(f.summary()).contains("[17] partitions have no backup, for [42s]");
                });
    }

    @Test
    void hold_pastItsDeadlineStillHolding_critical() {
        Map<String, MemberReport> reports = healthyReports();
        reports.replaceAll((address, r) -> report(r.nodeId(), address, "NO_MIGRATION", true, 0, 0, 60L, 60, null));
        HoldRecord hold = hold(NOW.minusSeconds(60));

        assertThat(CHECKS.hold(input(reports, hold, registry(), null)))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.check()).isEqualTo("hold-past-deadline");
                    assertThat(f.severity()).isEqualTo(Finding.Severity.CRITICAL);
                });
    }

    @Test
    void hold_nearItsDeadline_info() {
        Map<String, MemberReport> reports = healthyReports();
        reports.replaceAll((address, r) -> report(r.nodeId(), address, "NO_MIGRATION", true, 0, 0, 60L, 60, null));

        assertThat(CHECKS.hold(input(reports, hold(NOW.plusSeconds(20)), registry(), null)))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.check()).isEqualTo("hold-near-deadline");
                    assertThat(f.severity()).isEqualTo(Finding.Severity.INFO);
                    assertThat(f.summary()).contains("[20s] left");
                });
    }

    @Test
    void clocks_memberFiveSecondsAhead_warns() {
        DoctorInput input = input(healthyReports(), null, registry(), Map.of("10.0.0.2:5701", 5_000L));

        assertThat(CHECKS.clocks(input)).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo("clock-skew");
            assertThat(f.summary()).contains("[10.0.0.2:5701] is [5000ms] ahead of");
        });
    }

    @Test
    void timeouts_sessionLongerThanHeartbeat_warnsWithBothValues() {
        Map<String, MemberReport> reports = healthyReports();
        reports.replaceAll((address, r) -> report(r.nodeId(), address, "ACTIVE", true, 0, 0, 90L, 60, null));

        assertThat(CHECKS.timeouts(input(reports, null, registry(), null)))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.check()).isEqualTo("timeouts-disagree");
                    assertThat(f.summary())
                            .contains("[session-timeout-seconds=90]", "[hazelcast.max.no.heartbeat.seconds=60]");
                });
    }

    @Test
    void timeouts_serverCappedTheSession_judgesTheNegotiatedTimeout() {
        Map<String, MemberReport> reports = healthyReports();
        // Configured 90 s, but the server granted 40 s: longer than the heartbeat timeout of 30 s.
        reports.replaceAll((address, r) ->
                withNegotiatedSession(report(r.nodeId(), address, "ACTIVE", true, 0, 0, 90L, 30, null), 40_000L));

        assertThat(CHECKS.timeouts(input(reports, null, registry(), null)))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.check()).isEqualTo("timeouts-disagree");
                    assertThat(f.summary())
                            .contains(
                                    "negotiated [40s]",
                                    "[session-timeout-seconds=90]",
                                    "[hazelcast.max.no.heartbeat.seconds=30]");
                    assertThat(f.meaning()).contains("[10s] more");
                });
    }

    @Test
    void timeouts_serverCappedTheSessionBelowTheHeartbeat_noFinding() {
        Map<String, MemberReport> reports = healthyReports();
        // Configured 90 s would disagree with 60 s, but the server granted 40 s.
        reports.replaceAll((address, r) ->
                withNegotiatedSession(report(r.nodeId(), address, "ACTIVE", true, 0, 0, 90L, 60, null), 40_000L));

        assertThat(CHECKS.timeouts(input(reports, null, registry(), null))).isEmpty();
    }

    @Test
    void migrations_rebalanceRunningTenMinutesWithWorkLeft_stuck() {
        Map<String, MemberReport> reports = healthyReports();
        MemberReport.MigrationProgress progress = new MemberReport.MigrationProgress(
                100, 40, 60, 0, false, NOW.minusSeconds(600).toEpochMilli(), 40);
        reports.put("10.0.0.1:5701", report("a", "10.0.0.1:5701", "ACTIVE", false, 0, 0, 30L, 60, progress));

        assertThat(CHECKS.migrations(input(reports, null, registry(), null)))
                .extracting(Finding::check)
                .containsExactly("migrations-stuck");
    }

    @Test
    void caches_lowHitRatio_warnsNamingTheCache() {
        DoctorInput base = input(healthyReports(), null, registry(), null);
        DoctorInput input = new DoctorInput(
                base.now(),
                null,
                base.registry(),
                base.leadership(),
                null,
                null,
                null,
                null,
                base.clusterMembers(),
                base.reports(),
                base.clockSkewMillis(),
                Map.of(),
                List.of(new CacheStats("orders", 10, 190, 0.05, 200, 0, 0, 1, 1, 0, 2)),
                null,
                List.of());

        assertThat(CHECKS.caches(input)).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo("cache-hit-ratio-low");
            assertThat(f.summary()).contains("cache [orders] hit ratio [5.0%] over [200] gets");
        });
    }

    private static DoctorInput withUnreadable(DoctorInput base, List<Unreadable> unreadable) {
        return new DoctorInput(
                base.now(),
                base.zookeeperError(),
                base.registry(),
                base.leadership(),
                base.hold(),
                base.holdWrittenAt(),
                base.policyError(),
                base.clusterError(),
                base.clusterMembers(),
                base.reports(),
                base.clockSkewMillis(),
                base.reportErrors(),
                base.caches(),
                base.cachesError(),
                unreadable);
    }

    private static DoctorInput input(
            Map<String, MemberReport> reports,
            @Nullable HoldRecord hold,
            Map<String, ClusterStatusReader.RegistryEntry> registry,
            @Nullable Map<String, Long> skews) {
        Map<String, String> members = new TreeMap<>();
        reports.forEach((address, report) -> members.put(address, report.nodeId()));
        LeaderIdentity leader = new LeaderIdentity("a", "10.0.0.1:5701");
        return new DoctorInput(
                NOW,
                null,
                registry,
                new LeadershipView(Optional.of(leader), 1, Optional.of(leader), List.of(leader)),
                hold,
                hold == null ? null : NOW,
                null,
                null,
                members,
                reports,
                skews == null ? Map.of() : skews,
                Map.of(),
                List.of(),
                null,
                List.of());
    }

    private static Map<String, ClusterStatusReader.RegistryEntry> registry() {
        Map<String, ClusterStatusReader.RegistryEntry> registry = new TreeMap<>();
        registry.put("10.0.0.1:5701", new ClusterStatusReader.RegistryEntry("10.0.0.1:5701", null, "a", null, null));
        registry.put("10.0.0.2:5701", new ClusterStatusReader.RegistryEntry("10.0.0.2:5701", null, "b", null, null));
        return registry;
    }

    private static Map<String, MemberReport> healthyReports() {
        Map<String, MemberReport> reports = new TreeMap<>();
        reports.put("10.0.0.1:5701", report("a", "10.0.0.1:5701", "ACTIVE", true, 0, 0, 30L, 60, null));
        reports.put("10.0.0.2:5701", report("b", "10.0.0.2:5701", "ACTIVE", true, 0, 0, 30L, 60, null));
        return reports;
    }

    private static MemberReport withFailedMigrations(MemberReport report, long failed) {
        return new MemberReport(
                report.address(),
                report.nodeId(),
                report.wallClockMillis(),
                report.master(),
                report.clusterState(),
                report.clusterSafe(),
                report.memberSafe(),
                report.maxNoHeartbeatSeconds(),
                report.sessionTimeoutSeconds(),
                report.negotiatedSessionTimeoutMillis(),
                report.zookeeperState(),
                report.zookeeperSessionId(),
                report.policy(),
                report.policySource(),
                report.partitionsWithoutBackup(),
                report.unprotectedSeconds(),
                Map.of("migrationsFailed", failed),
                report.migration());
    }

    private static MemberReport withNegotiatedSession(MemberReport report, long negotiatedMillis) {
        return new MemberReport(
                report.address(),
                report.nodeId(),
                report.wallClockMillis(),
                report.master(),
                report.clusterState(),
                report.clusterSafe(),
                report.memberSafe(),
                report.maxNoHeartbeatSeconds(),
                report.sessionTimeoutSeconds(),
                negotiatedMillis,
                "CONNECTED",
                42L,
                report.policy(),
                report.policySource(),
                report.partitionsWithoutBackup(),
                report.unprotectedSeconds(),
                report.migrationMetrics(),
                report.migration());
    }

    private static MemberReport report(
            String nodeId,
            String address,
            String state,
            boolean safe,
            int withoutBackup,
            long unprotected,
            @Nullable Long session,
            long heartbeat,
            MemberReport.@Nullable MigrationProgress progress) {
        return new MemberReport(
                address,
                nodeId,
                NOW.toEpochMilli(),
                progress != null,
                state,
                safe,
                safe,
                heartbeat,
                session,
                null,
                "CONNECTED",
                null,
                "delayed",
                "ZooKeeper",
                withoutBackup,
                unprotected,
                Map.of("migrationsFailed", 0L),
                progress);
    }

    private static HoldRecord hold(Instant until) {
        return new HoldRecord(
                "HOLD",
                "delayed",
                "member [c] left",
                until.toEpochMilli(),
                NOW.minusSeconds(30).toEpochMilli(),
                1,
                "a",
                null,
                List.of("a", "b", "c"),
                List.of(),
                List.of());
    }
}
