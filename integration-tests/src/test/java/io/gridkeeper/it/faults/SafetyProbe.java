package io.gridkeeper.it.faults;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import java.io.Serializable;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** Runs on a member: whether every partition has all its backups ({@code isClusterSafe()} is member-only). */
final class SafetyProbe implements Callable<Boolean>, Serializable, HazelcastInstanceAware {

    private static final long serialVersionUID = 1L;

    private transient HazelcastInstance instance;

    /**
     * Whether the member {@code client} sends the probe to reports every partition with all its backups; false while
     * it cannot tell.
     */
    static boolean clusterSafe(HazelcastInstance client) {
        try {
            return client.getExecutorService("fault-probe")
                    .submit(new SafetyProbe())
                    .get(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance hazelcastInstance) {
        this.instance = hazelcastInstance;
    }

    @Override
    public Boolean call() {
        return instance.getPartitionService().isClusterSafe();
    }
}
