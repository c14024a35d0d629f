package io.gridkeeper.jcache.micronaut;

import javax.cache.Cache;

/**
 * Told about each cache the {@link ConfiguredCacheManager} creates on demand ({@code missing-caches: create}), after
 * start-up. Beans of this type are collected by {@link GridkeeperJCacheFactory}; called on the creating thread, so
 * implementations must be quick.
 */
public interface CacheCreationListener {

    /** {@code cache} was just created on demand. */
    void created(Cache<?, ?> cache);
}
