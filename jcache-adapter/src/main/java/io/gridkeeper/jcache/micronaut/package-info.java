/**
 * Micronaut integration (optional dependency): a factory that exposes Gridkeeper's JSR-107 {@code CacheManager} as a
 * bean, configured under {@code gridkeeper.jcache} in {@code application.yml}, so that micronaut-cache's
 * {@code JCacheManager} serves {@code @Cacheable}, {@code @CachePut} and {@code @CacheInvalidate} from Gridkeeper
 * caches. Inactive unless Micronaut is on the class path.
 */
@NullMarked
package io.gridkeeper.jcache.micronaut;

import org.jspecify.annotations.NullMarked;
