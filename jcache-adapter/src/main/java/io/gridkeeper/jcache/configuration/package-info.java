/** Provider properties, the cluster-wide configuration registry and near-cache setup. */
@NullMarked
package io.gridkeeper.jcache.configuration;

import org.jspecify.annotations.NullMarked;
