/**
 * A JSR-107 caching provider whose caches are views over Hazelcast IMaps; the provider is
 * {@link io.gridkeeper.jcache.GridkeeperCachingProvider}.
 */
@NullMarked
package io.gridkeeper.jcache;

import org.jspecify.annotations.NullMarked;
