package io.gridkeeper.cli;

import java.util.Optional;
import java.util.function.Supplier;
import org.apache.zookeeper.KeeperException;
import org.jspecify.annotations.Nullable;

/**
 * A migration znode read that survives an unreadable znode (junk written past the CLI, a read ACL this tool's
 * credential does not pass, ...): garbage or hostile ZooKeeper data must not fail a whole report, the rest of which
 * still stands. An interrupted read is not "unreadable": it still fails, with the interrupt flag restored.
 *
 * @param path the znode
 * @param value what was read, empty when the znode is absent or unreadable
 * @param failure why the znode could not be read, null when it could
 */
record ZnodeRead<T>(
        String path, Optional<T> value, @Nullable RuntimeException failure) {

    /**
     * Runs one {@code MigrationZnodes} read of {@code path}.
     *
     * @throws IllegalStateException when the read was interrupted (the interrupt flag stays set) or ZooKeeper was
     *     unreachable (connection loss, session expired)
     */
    static <T> ZnodeRead<T> of(String path, Supplier<Optional<T>> read) {
        try {
            return new ZnodeRead<>(path, read.get(), null);
        } catch (IllegalArgumentException | IllegalStateException e) {
            if (e.getCause() instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                throw e;
            }
            if (e.getCause() instanceof KeeperException.ConnectionLossException
                    || e.getCause() instanceof KeeperException.SessionExpiredException) {
                // ZooKeeper unreachable, not the znode unreadable: the command fails as for any other read
                throw e;
            }
            return new ZnodeRead<>(path, Optional.empty(), e);
        }
    }

    /** Whether the znode holds data that does not parse (as opposed to data this tool may not read). */
    boolean corrupt() {
        return failure instanceof IllegalArgumentException;
    }

    /** One line naming the znode and why it could not be read, null when it could. */
    @Nullable
    String error() {
        if (failure == null) {
            return null;
        }
        // ZooKeeper's own words (e.g. "KeeperErrorCode = NoAuth for <path>"), not the wrapper's
        Throwable reason = failure.getCause() instanceof KeeperException keeper ? keeper : failure;
        return "[" + path + "] " + GridkeeperCommand.oneLine(reason);
    }
}
