package io.gridkeeper.it.faults;

import com.hazelcast.cluster.ClusterState;
import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import io.gridkeeper.migration.control.HoldRecord;
import io.gridkeeper.migration.control.MigrationController;
import io.gridkeeper.migration.control.MigrationService;
import java.io.Serializable;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * Runs on one member JVM: the cluster state it sees and what its migration controller knows (whether it leads, the
 * last hold it saw in ZooKeeper, remembered while ZooKeeper is unreachable). Sent by a client in this JVM to a member
 * chosen by address, through the cluster's links, so it also reaches a member that ZooKeeper cannot.
 */
final class ControllerProbe implements Callable<ControllerProbe.View>, Serializable, HazelcastInstanceAware {

    private static final long serialVersionUID = 1L;

    private transient HazelcastInstance instance;

    /** A member's view; {@code holdUntilMillis} and {@code holdWriter} are null while it saw no hold. */
    record View(
            ClusterState state,
            boolean leader,
            @Nullable Long holdUntilMillis,
            @Nullable String holdWriter) implements Serializable {

        Instant holdUntil() {
            if (holdUntilMillis == null) {
                throw new AssertionError("the member saw no hold with a deadline: " + this);
            }
            return Instant.ofEpochMilli(holdUntilMillis);
        }
    }

    /** Asks the member bound to {@code memberHost} (its address in the lab) through {@code client}. */
    static View ask(HazelcastInstance client, String memberHost) throws InterruptedException {
        Member target = client.getCluster().getMembers().stream()
                .filter(member -> member.getAddress().getHost().equals(memberHost))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no member at [" + memberHost + "] in "
                        + client.getCluster().getMembers()));
        try {
            return client.getExecutorService("controller-probe")
                    .submitToMember(new ControllerProbe(), target)
                    .get(20, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("member at [" + memberHost + "] did not answer the probe", e);
        }
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance hazelcastInstance) {
        this.instance = hazelcastInstance;
    }

    @Override
    public View call() {
        MigrationController controller = MigrationService.forInstance(instance)
                .flatMap(MigrationService::controller)
                .orElseThrow(() -> new IllegalStateException("no migration controller on " + instance.getName()));
        HoldRecord hold = controller.lastSeenHold().filter(HoldRecord::isHold).orElse(null);
        return new View(
                instance.getCluster().getClusterState(),
                controller.isLeader(),
                hold == null ? null : hold.untilMillis(),
                hold == null ? null : hold.leader());
    }
}
