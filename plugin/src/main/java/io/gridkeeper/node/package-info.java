/** The node launcher: starts a Hazelcast member that discovers its peers through ZooKeeper. */
package io.gridkeeper.node;
