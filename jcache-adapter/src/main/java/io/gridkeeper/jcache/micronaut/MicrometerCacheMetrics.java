package io.gridkeeper.jcache.micronaut;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.JCacheMetrics;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import javax.cache.Cache;

/**
 * Registers Micrometer's JCache meters for caches created on demand; Micronaut's own binder covers the caches that
 * exist when the CacheManager bean is created. Active only with Micrometer and a {@link MeterRegistry} bean.
 */
@Singleton
@Requires(classes = MeterRegistry.class)
@Requires(beans = MeterRegistry.class)
final class MicrometerCacheMetrics implements CacheCreationListener {

    private final BeanProvider<MeterRegistry> registry;

    MicrometerCacheMetrics(BeanProvider<MeterRegistry> registry) {
        this.registry = registry;
    }

    @Override
    public void created(Cache<?, ?> cache) {
        JCacheMetrics.monitor(registry.get(), cache);
    }
}
