/** Integration tests: real ZooKeeper, members in their own JVMs, the JSR-107 TCK. */
package io.gridkeeper.it;
