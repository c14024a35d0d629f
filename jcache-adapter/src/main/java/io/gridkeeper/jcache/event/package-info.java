/** Cache entry listeners: local dispatch and the cluster-wide event bus with acknowledgements for synchronous listeners. */
@NullMarked
package io.gridkeeper.jcache.event;

import org.jspecify.annotations.NullMarked;
