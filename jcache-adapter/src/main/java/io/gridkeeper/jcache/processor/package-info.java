/** Entry processors: in the caller under a key lock, or on the partition owner. */
@NullMarked
package io.gridkeeper.jcache.processor;

import org.jspecify.annotations.NullMarked;
