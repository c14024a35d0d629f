/** Multi-member tests of the JCache adapter's cluster-wide semantics, and the TCK harness ({@code tck}). */
@NullMarked
package io.gridkeeper.it.jcache;

import org.jspecify.annotations.NullMarked;
