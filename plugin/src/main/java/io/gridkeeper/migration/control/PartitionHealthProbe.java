package io.gridkeeper.migration.control;

import com.hazelcast.cluster.Member;
import com.hazelcast.internal.partition.InternalPartition;
import com.hazelcast.internal.partition.InternalPartitionService;
import com.hazelcast.internal.partition.PartitionReplica;
import io.gridkeeper.migration.PartitionHealth;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Reads this member's copy of the partition table (Hazelcast internal API, no remote call) and counts the partitions
 * that lack replicas, remembering since when some partition has had no backup. Partitions without an owner are not
 * assigned yet (Hazelcast assigns them on first use) and count as healthy. A replica held by a member that is no longer
 * in the member list counts as missing: this member's copy of the table names a departed member until the master's
 * promotions reach it, and a shutdown decided in that gap must not take such a partition for protected. Confined to
 * the controller's thread.
 */
final class PartitionHealthProbe {

    private final InternalPartitionService partitions;
    private @Nullable Instant unprotectedSince;

    PartitionHealthProbe(InternalPartitionService partitions) {
        this.partitions = partitions;
    }

    /** Partitions without any backup now, for callers outside the controller's thread. */
    static int withoutBackup(
            InternalPartitionService partitions, int backupCount, int dataMembers, Set<Member> members) {
        if (backupCount == 0 || dataMembers < 2) {
            return 0;
        }
        Set<UUID> present = uuids(members);
        int count = 0;
        for (int id = 0; id < partitions.getPartitionCount(); id++) {
            InternalPartition partition = partitions.getPartition(id, false);
            if (partition.getReplica(0) != null && !isPresent(partition.getReplica(1), present)) {
                count++;
            }
        }
        return count;
    }

    /**
     * The health now; {@code backupCount} is the largest configured backup count and {@code baselineSize} the number of
     * data members of the last balanced cluster (a one-member cluster cannot have backups).
     */
    PartitionHealth probe(Instant now, int backupCount, int baselineSize, Set<Member> members) {
        Set<UUID> live = uuids(members);
        int expected = Math.max(1, Math.min(backupCount + 1, baselineSize));
        int count = partitions.getPartitionCount();
        int withoutBackup = 0;
        int maxLost = 0;
        boolean assigned = false;
        for (int id = 0; id < count; id++) {
            InternalPartition partition = partitions.getPartition(id, false);
            if (partition.getReplica(0) == null) {
                // Not assigned yet: the partition table is initialized lazily, on first use.
                continue;
            }
            assigned = true;
            int present = 0;
            for (int index = 0; index < expected; index++) {
                if (isPresent(partition.getReplica(index), live)) {
                    present++;
                }
            }
            maxLost = Math.max(maxLost, expected - present);
            if (expected > 1 && present <= 1) {
                withoutBackup++;
            }
        }
        if (withoutBackup == 0) {
            unprotectedSince = null;
        } else if (unprotectedSince == null) {
            unprotectedSince = now;
        }
        return new PartitionHealth(
                count, backupCount, withoutBackup, maxLost, unprotectedSince, assigned || count == 0);
    }

    private static boolean isPresent(@Nullable PartitionReplica replica, Set<UUID> members) {
        return replica != null && members.contains(replica.uuid());
    }

    private static Set<UUID> uuids(Set<Member> members) {
        return members.stream().map(Member::getUuid).collect(Collectors.toUnmodifiableSet());
    }
}
