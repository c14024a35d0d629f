package io.gridkeeper.jcache.micronaut;

import java.time.Duration;
import javax.cache.configuration.Factory;
import javax.cache.expiry.AccessedExpiryPolicy;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.EternalExpiryPolicy;
import javax.cache.expiry.ExpiryPolicy;
import javax.cache.expiry.ModifiedExpiryPolicy;
import javax.cache.expiry.TouchedExpiryPolicy;

/** The JSR-107 built-in expiry policies, by the event that starts an entry's time to live. */
public enum CacheExpiry {
    /** Never expires. */
    ETERNAL,
    /** Expires a duration after creation. */
    CREATED,
    /** Expires a duration after creation or the last update. */
    MODIFIED,
    /** Expires a duration after creation or the last read. */
    ACCESSED,
    /** Expires a duration after creation, the last update or the last read. */
    TOUCHED;

    /** The policy factory for {@code duration}, which must be positive unless the policy is {@link #ETERNAL}. */
    Factory<ExpiryPolicy> factory(javax.cache.expiry.Duration duration) {
        return switch (this) {
            case ETERNAL -> EternalExpiryPolicy.factoryOf();
            case CREATED -> CreatedExpiryPolicy.factoryOf(duration);
            case MODIFIED -> ModifiedExpiryPolicy.factoryOf(duration);
            case ACCESSED -> AccessedExpiryPolicy.factoryOf(duration);
            case TOUCHED -> TouchedExpiryPolicy.factoryOf(duration);
        };
    }

    /** The JSR-107 duration of a {@link Duration}, in milliseconds. */
    static javax.cache.expiry.Duration toJCache(Duration duration) {
        return new javax.cache.expiry.Duration(java.util.concurrent.TimeUnit.MILLISECONDS, duration.toMillis());
    }
}
