/** Hazelcast Discovery SPI over Apache Curator: members and clients find each other through ZooKeeper. */
package io.gridkeeper.zookeeper;
