package io.gridkeeper.migration;

/**
 * Decides when Hazelcast may rebalance. Implementations are immutable, thread-safe and fast: {@link #decide} is a pure
 * function of the view (no I/O, no blocking, time only from {@link ClusterView#now()}). A hold's deadline must lie
 * after {@code view.now()}; the {@link SafetyGuard} turns an expired hold into a rebalance anyway.
 */
public interface MigrationPolicy {

    /** The policy's kebab-case name as used in configuration ({@code delayed}, {@code delayed,window}). */
    String name();

    /** The decision for this snapshot, explained. */
    Decision decide(ClusterView view);
}
