/** Cache loaders and writers, with the specification's exceptions. */
@NullMarked
package io.gridkeeper.jcache.integration;

import org.jspecify.annotations.NullMarked;
