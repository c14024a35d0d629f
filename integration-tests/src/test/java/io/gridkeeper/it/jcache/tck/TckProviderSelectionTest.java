package io.gridkeeper.it.jcache.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridkeeper.jcache.GridkeeperCachingProvider;
import javax.cache.Caching;
import javax.cache.spi.CachingProvider;
import org.junit.jupiter.api.Test;

/** Guards the TCK classpath: Gridkeeper's provider is the only one the TCK can find. */
final class TckProviderSelectionTest {

    @Test
    void cachingProviders_onTckClasspath_areOnlyGridkeeper() {
        Iterable<CachingProvider> providers = Caching.getCachingProviders();

        assertThat(providers).singleElement().isInstanceOf(GridkeeperCachingProvider.class);
    }
}
