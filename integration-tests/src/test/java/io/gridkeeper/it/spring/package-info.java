/**
 * The Spring Boot example app ("bookshelf") on Gridkeeper's JCache provider, and its end-to-end HTTP test: two app
 * instances in one Hazelcast cluster (Boot's own member, found through ZooKeeper) share their caches.
 */
@NullMarked
package io.gridkeeper.it.spring;

import org.jspecify.annotations.NullMarked;
