/** The JSR-107 caching provider (the only class an application names). */
@NullMarked
package io.gridkeeper.jcache.spi;

import org.jspecify.annotations.NullMarked;
