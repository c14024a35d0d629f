/** Gridkeeper's metrics read the way Management Center reads them, and through JMX. */
@NullMarked
package io.gridkeeper.it.metrics;

import org.jspecify.annotations.NullMarked;
