/** Multi-JVM discovery tests: members that die or freeze for real, seen through ZooKeeper and Hazelcast. */
package io.gridkeeper.it.discovery;
