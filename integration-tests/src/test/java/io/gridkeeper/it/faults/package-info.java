/**
 * The fault suite: member JVMs, a ZooKeeper ensemble of 3 and writers going through the Gridkeeper JCache adapter
 * that record every acknowledged write in a {@link io.gridkeeper.it.faults.Ledger}; each scenario injects one kind
 * of fault and ends by checking that every acknowledged write is present with its last value. Results are appended
 * to {@code target/fault-results.md}.
 */
package io.gridkeeper.it.faults;
