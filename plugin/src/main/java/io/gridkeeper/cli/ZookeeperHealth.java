package io.gridkeeper.cli;

import org.jspecify.annotations.Nullable;

/**
 * The CLI's own view of ZooKeeper, for {@code status}: a connected session with a server that is part of a quorum
 * (ZooKeeper serves read-write sessions only then) says the ensemble is usable.
 *
 * @param connectString the connect string used
 * @param connected whether this tool's session is connected (read-write or read-only)
 * @param state the ZooKeeper handle's state ({@code CONNECTED}, {@code CONNECTEDREADONLY}, {@code CONNECTING}, ...)
 * @param quorum whether the server answered read-write, i.e. it is part of a quorum
 * @param server the server this tool is connected to ({@code host:port}), null when unknown
 * @param sessionId this tool's session id in hex ({@code 0x...}, as ZooKeeper logs it), null when not connected
 * @param sessionTimeoutMillis the session timeout the server negotiated for this tool, null when not connected
 * @param error why the state could not be read, null when it could
 */
record ZookeeperHealth(
        String connectString,
        boolean connected,
        String state,
        boolean quorum,
        @Nullable String server,
        @Nullable String sessionId,
        @Nullable Long sessionTimeoutMillis,
        @Nullable String error) {

    static ZookeeperHealth unreachable(String connectString, String error) {
        return new ZookeeperHealth(connectString, false, "UNKNOWN", false, null, null, null, error);
    }
}
