package io.gridkeeper.jcache.configuration;

import java.io.Serializable;
import javax.cache.configuration.MutableConfiguration;

/**
 * The cluster-wide record of a cache: its JSR-107 configuration and whether its IMap existed before the cache.
 *
 * @param configuration the configuration every member and client opening the cache uses
 * @param preExistingMap whether the IMap held data before {@code createCache}; such maps survive {@code destroyCache}
 *     unless {@code gridkeeper.jcache.destroy-existing-maps=true}
 */
public record CacheDescriptor(MutableConfiguration<?, ?> configuration, boolean preExistingMap)
        implements Serializable {}
