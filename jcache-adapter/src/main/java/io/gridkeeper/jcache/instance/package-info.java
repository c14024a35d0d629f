/** Finding, starting and releasing the Hazelcast member or client of a cache manager. */
@NullMarked
package io.gridkeeper.jcache.instance;

import org.jspecify.annotations.NullMarked;
