/**
 * The Micronaut example app ("bookshelf") on Gridkeeper's Micronaut factory, and its end-to-end HTTP test: two app
 * instances, each a Hazelcast member found through ZooKeeper, share their caches.
 */
@NullMarked
package io.gridkeeper.it.micronaut;

import org.jspecify.annotations.NullMarked;
