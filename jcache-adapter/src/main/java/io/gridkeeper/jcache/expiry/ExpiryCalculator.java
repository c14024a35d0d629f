package io.gridkeeper.jcache.expiry;

import java.util.function.Supplier;
import javax.cache.expiry.Duration;
import javax.cache.expiry.EternalExpiryPolicy;
import javax.cache.expiry.ExpiryPolicy;

/**
 * Asks an {@link ExpiryPolicy} for durations and turns them into Hazelcast TTLs.
 *
 * <p>A policy that throws never fails the operation: creation falls back to eternal, update and access to unchanged.
 * Hazelcast keeps TTLs at a resolution of one second (rounded up), so sub-second durations last about a second.
 */
public final class ExpiryCalculator {

    /** The entry keeps its current expiry. */
    public static final long UNCHANGED = -1;
    /** The entry expires at once (a zero duration). */
    public static final long EXPIRE_NOW = -2;
    /** The entry never expires (a Hazelcast TTL of zero means infinite). */
    public static final long ETERNAL = 0;

    private final ExpiryPolicy policy;
    private final boolean eternal;

    public ExpiryCalculator(ExpiryPolicy policy) {
        this.policy = policy;
        this.eternal = policy instanceof EternalExpiryPolicy;
    }

    /** Whether the policy is the eternal one, so no TTL work is ever needed. */
    public boolean isEternal() {
        return eternal;
    }

    /** The policy itself. */
    public ExpiryPolicy policy() {
        return policy;
    }

    /** The TTL of a new entry: {@link #EXPIRE_NOW}, {@link #ETERNAL} or milliseconds. */
    public long forCreation() {
        if (eternal) {
            return ETERNAL;
        }
        long ttl = ask(policy::getExpiryForCreation, ETERNAL);
        return ttl == UNCHANGED ? ETERNAL : ttl;
    }

    /** The TTL of an updated entry, or {@link #UNCHANGED}. */
    public long forUpdate() {
        return eternal ? UNCHANGED : ask(policy::getExpiryForUpdate, UNCHANGED);
    }

    /** The TTL of a read entry, or {@link #UNCHANGED}. */
    public long forAccess() {
        return eternal ? UNCHANGED : ask(policy::getExpiryForAccess, UNCHANGED);
    }

    private static long ask(Supplier<Duration> question, long fallback) {
        Duration duration;
        try {
            duration = question.get();
        } catch (RuntimeException e) {
            return fallback;
        }
        if (duration == null) {
            return UNCHANGED;
        }
        if (duration.isZero()) {
            return EXPIRE_NOW;
        }
        if (duration.isEternal()) {
            return ETERNAL;
        }
        return Math.max(1, duration.getTimeUnit().toMillis(duration.getDurationAmount()));
    }
}
