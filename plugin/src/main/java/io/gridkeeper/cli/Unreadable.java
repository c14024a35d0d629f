package io.gridkeeper.cli;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import org.apache.zookeeper.KeeperException;
import org.jspecify.annotations.Nullable;

/**
 * A znode a report could not read (junk written past Gridkeeper, a read ACL this tool's credential does not pass),
 * and why. The rest of the report stands; {@code status}, {@code policy show} and {@code doctor} show it by its
 * {@link Kind}. In JSON it is its {@link #line() one line}, so the {@code unreadable} arrays stay lists of strings.
 *
 * @param kind which znode it is
 * @param path the znode
 * @param reason why it could not be read: ZooKeeper's own words ({@code KeeperErrorCode = NoAuth for <path>}) or
 *     the parser's, abbreviated
 * @param junk whether the znode holds data that does not parse (as opposed to data this tool may not read)
 */
record Unreadable(Kind kind, String path, String reason, boolean junk) {

    /** Which znode could not be read. */
    enum Kind {
        /** The cluster-wide policy, {@code <cluster>/migration/policy}. */
        POLICY,
        /** The leader's hold record, {@code <cluster>/migration/hold}. */
        HOLD,
        /** A member's registration under {@code <cluster>/members} (or that znode itself). */
        REGISTRATION,
        /** The election's latch or epoch znodes under {@code <cluster>/leader}. */
        ELECTION
    }

    /** Longest reason kept: junk may be megabytes, and parser messages quote it. */
    static final int MAX_REASON = 400;

    /**
     * What went wrong reading {@code path}, when it is the znode and not ZooKeeper: a refusal such as {@code NoAuth}
     * (the path ZooKeeper names wins) or data that does not parse.
     *
     * @throws IllegalStateException when the read was interrupted (the interrupt flag is set again) or ZooKeeper was
     *     unreachable (connection loss, session expired): the command fails as for any other read
     */
    static Unreadable of(Kind kind, String path, Exception failure) {
        if (failure instanceof InterruptedException || failure.getCause() instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            throw failure instanceof IllegalStateException state
                    ? state
                    : new IllegalStateException("Interrupted while reading [" + path + "]", failure);
        }
        KeeperException keeper = keeperCause(failure);
        if (keeper instanceof KeeperException.ConnectionLossException
                || keeper instanceof KeeperException.SessionExpiredException) {
            // ZooKeeper unreachable, not the znode unreadable
            throw failure instanceof IllegalStateException state
                    ? state
                    : new IllegalStateException(
                            "Cannot read [" + path + "]: " + GridkeeperCommand.oneLine(failure), failure);
        }
        // junk may be hostile: no control characters on a terminal
        String reason =
                GridkeeperCommand.oneLine(keeper != null ? keeper : failure).replaceAll("\\p{Cntrl}+", " ");
        if (reason.length() > MAX_REASON) {
            reason = reason.substring(0, MAX_REASON) + "...";
        }
        return new Unreadable(
                kind, keeper != null && keeper.getPath() != null ? keeper.getPath() : path, reason, keeper == null);
    }

    /** The first znode of {@code kind} in {@code unreadable}, null when every such znode was read. */
    static @Nullable Unreadable first(List<Unreadable> unreadable, Kind kind) {
        return unreadable.stream()
                .filter(znode -> znode.kind() == kind)
                .findFirst()
                .orElse(null);
    }

    /** One line naming the znode and why it could not be read: {@code [<path>] <reason>}. */
    @JsonValue
    String line() {
        return "[" + path + "] " + reason;
    }

    private static @Nullable KeeperException keeperCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof KeeperException keeper) {
                return keeper;
            }
            if (cause == cause.getCause()) {
                break;
            }
        }
        return null;
    }
}
