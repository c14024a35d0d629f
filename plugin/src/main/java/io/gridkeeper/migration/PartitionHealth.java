package io.gridkeeper.migration;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Replica health of the partition table. {@code withoutBackup} counts partitions that should have backups but have
 * none, {@code maxLostReplicas} is the largest number of configured replicas (owner plus backups) any partition lacks,
 * and {@code unprotectedSince} is when some partition last began to lack every backup ({@code null} while all are
 * protected). {@code assigned} is false while Hazelcast has not assigned the partitions yet: it does so on first use,
 * and only while migrations are allowed.
 */
public record PartitionHealth(
        int partitionCount,
        int backupCount,
        int withoutBackup,
        int maxLostReplicas,
        @Nullable Instant unprotectedSince,
        boolean assigned) {

    public PartitionHealth {
        if (partitionCount < 0 || backupCount < 0 || withoutBackup < 0 || maxLostReplicas < 0) {
            throw new IllegalArgumentException("partition counts must be non-negative but were [partitions="
                    + partitionCount + ", backups=" + backupCount + ", without-backup=" + withoutBackup
                    + ", lost-replicas=" + maxLostReplicas + "]");
        }
    }

    /** Health of an assigned partition table. */
    public PartitionHealth(
            int partitionCount,
            int backupCount,
            int withoutBackup,
            int maxLostReplicas,
            @Nullable Instant unprotectedSince) {
        this(partitionCount, backupCount, withoutBackup, maxLostReplicas, unprotectedSince, true);
    }

    /** Every partition has its configured replicas. */
    public static PartitionHealth healthy(int partitionCount, int backupCount) {
        return new PartitionHealth(partitionCount, backupCount, 0, 0, null, true);
    }
}
