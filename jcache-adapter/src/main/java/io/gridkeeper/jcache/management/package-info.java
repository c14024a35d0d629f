/** Statistics (cluster-wide) and the JSR-107 MXBeans. */
@NullMarked
package io.gridkeeper.jcache.management;

import org.jspecify.annotations.NullMarked;
