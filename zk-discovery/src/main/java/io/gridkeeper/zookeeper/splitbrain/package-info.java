/** Split-brain protection backed by the ZooKeeper member registry. */
@NullMarked
package io.gridkeeper.zookeeper.splitbrain;

import org.jspecify.annotations.NullMarked;
