/** Expiry policies turned into Hazelcast per-entry TTLs. */
@NullMarked
package io.gridkeeper.jcache.expiry;

import org.jspecify.annotations.NullMarked;
