/** The operator CLI against a live cluster: real ZooKeeper (curator-test), real members, the CLI run in-process. */
@NullMarked
package io.gridkeeper.it.cli;

import org.jspecify.annotations.NullMarked;
