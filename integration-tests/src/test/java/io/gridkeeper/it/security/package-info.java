/** ZooKeeper authentication and ACLs seen from an intruder, and secrets kept out of logs and CLI output. */
package io.gridkeeper.it.security;
