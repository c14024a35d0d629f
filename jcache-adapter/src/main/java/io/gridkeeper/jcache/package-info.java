/** A JSR-107 caching provider whose caches are views over Hazelcast IMaps. */
package io.gridkeeper.jcache;
