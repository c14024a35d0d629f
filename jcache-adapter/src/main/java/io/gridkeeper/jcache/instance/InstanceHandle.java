package io.gridkeeper.jcache.instance;

import com.hazelcast.core.HazelcastInstance;

/** The Hazelcast instance a cache manager works on, and whether the provider started it. */
public interface InstanceHandle {

    /** The member or client holding the caches. */
    HazelcastInstance instance();

    /** Whether the instance is a client. */
    boolean isClient();

    /** Whether the provider started the instance (and will shut it down when no manager uses it). */
    boolean isOwned();

    /** Gives the instance back; an owned instance shuts down when its last user released it. Idempotent. */
    void release();
}
