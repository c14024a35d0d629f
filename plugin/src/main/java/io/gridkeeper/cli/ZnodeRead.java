package io.gridkeeper.cli;

import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A znode read that survives an unreadable znode (junk written past the CLI, a read ACL this tool's credential does
 * not pass, ...): garbage or hostile ZooKeeper data must not fail a whole report, the rest of which still stands. An
 * interrupted read, or ZooKeeper being unreachable, is not "unreadable": it still fails.
 *
 * @param value what was read, empty when the znode is absent or unreadable
 * @param unreadable why the znode could not be read, null when it could
 */
record ZnodeRead<T>(Optional<T> value, @Nullable Unreadable unreadable) {

    /**
     * Runs one read of the {@code kind} znode {@code path} (a {@code MigrationZnodes} read, or any read that throws
     * {@link IllegalArgumentException} for junk and {@link IllegalStateException} with ZooKeeper's cause otherwise).
     *
     * @throws IllegalStateException when the read was interrupted (the interrupt flag stays set) or ZooKeeper was
     *     unreachable (connection loss, session expired)
     */
    static <T> ZnodeRead<T> of(Unreadable.Kind kind, String path, Supplier<Optional<T>> read) {
        try {
            return new ZnodeRead<>(read.get(), null);
        } catch (IllegalArgumentException | IllegalStateException e) {
            return new ZnodeRead<>(Optional.empty(), Unreadable.of(kind, path, e));
        }
    }

    /** Whether the znode holds data that does not parse (as opposed to data this tool may not read). */
    boolean junk() {
        return unreadable != null && unreadable.junk();
    }
}
