package io.gridkeeper.node;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import java.io.Serial;
import java.io.Serializable;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;

/**
 * Runs on a member (through an {@code IExecutorService}) and reports {@link ClusterHealth}. Cluster state and
 * {@code PartitionService.isClusterSafe()} are member-only APIs; every launcher node has this class, since all run
 * the same jar.
 */
public final class ClusterHealthTask implements Callable<ClusterHealth>, Serializable, HazelcastInstanceAware {

    @Serial
    private static final long serialVersionUID = 1L;

    private transient @Nullable HazelcastInstance instance;

    @Override
    public void setHazelcastInstance(HazelcastInstance instance) {
        this.instance = instance;
    }

    @Override
    public ClusterHealth call() {
        HazelcastInstance member = instance;
        if (member == null) {
            throw new IllegalStateException("ClusterHealthTask must run on a member (no HazelcastInstance injected)");
        }
        return new ClusterHealth(
                member.getCluster().getClusterState().name(),
                member.getPartitionService().isClusterSafe(),
                member.getCluster().getLocalMember().getAddress().toString());
    }
}
