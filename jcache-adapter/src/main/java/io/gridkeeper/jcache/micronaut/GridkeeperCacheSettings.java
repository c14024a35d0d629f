package io.gridkeeper.jcache.micronaut;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.context.exceptions.ConfigurationException;
import java.time.Duration;
import java.util.Locale;
import javax.cache.configuration.MutableConfiguration;
import org.jspecify.annotations.Nullable;

/**
 * One cache listed under {@code gridkeeper.jcache.caches.<name>}: its expiry and statistics.
 *
 * <pre>{@code
 * gridkeeper:
 *   jcache:
 *     caches:
 *       books:
 *         expiry: modified        # eternal (default), created, modified, accessed, touched
 *         expiry-duration: 10m    # required unless eternal
 *         statistics-enabled: true
 * }</pre>
 */
@EachProperty("gridkeeper.jcache.caches")
public final class GridkeeperCacheSettings {

    private final String name;
    private CacheExpiry expiry = CacheExpiry.ETERNAL;
    private @Nullable Duration expiryDuration;
    private @Nullable Boolean statisticsEnabled;

    public GridkeeperCacheSettings(@Parameter String name) {
        this.name = name;
    }

    /** The cache name (the key under {@code gridkeeper.jcache.caches}). */
    public String getName() {
        return name;
    }

    public CacheExpiry getExpiry() {
        return expiry;
    }

    public void setExpiry(CacheExpiry expiry) {
        this.expiry = expiry;
    }

    public @Nullable Duration getExpiryDuration() {
        return expiryDuration;
    }

    public void setExpiryDuration(@Nullable Duration expiryDuration) {
        this.expiryDuration = expiryDuration;
    }

    public @Nullable Boolean getStatisticsEnabled() {
        return statisticsEnabled;
    }

    public void setStatisticsEnabled(@Nullable Boolean statisticsEnabled) {
        this.statisticsEnabled = statisticsEnabled;
    }

    /** The JSR-107 configuration of this cache; fails naming the key when expiry and duration do not fit. */
    MutableConfiguration<Object, Object> toConfiguration(boolean defaultStatistics) {
        String prefix = "gridkeeper.jcache.caches." + name + ".";
        MutableConfiguration<Object, Object> configuration = new MutableConfiguration<>();
        configuration.setStatisticsEnabled(statisticsEnabled == null ? defaultStatistics : statisticsEnabled);
        if (expiry == CacheExpiry.ETERNAL) {
            if (expiryDuration != null) {
                throw new ConfigurationException("Property '" + prefix + "expiry-duration' is set to [" + expiryDuration
                        + "] but '" + prefix + "expiry' is [eternal]; choose one of [created, modified, accessed,"
                        + " touched] or remove the duration");
            }
            return configuration;
        }
        if (expiryDuration == null || expiryDuration.isZero() || expiryDuration.isNegative()) {
            throw new ConfigurationException("Property '" + prefix + "expiry-duration' must be positive for [" + prefix
                    + "expiry=" + expiry.name().toLowerCase(Locale.ROOT) + "] but was [" + expiryDuration + "]");
        }
        configuration.setExpiryPolicyFactory(expiry.factory(CacheExpiry.toJCache(expiryDuration)));
        return configuration;
    }
}
