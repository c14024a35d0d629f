package io.gridkeeper.zookeeper;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * What a member publishes in its registration znode (the payload of a Curator {@code ServiceInstance}).
 *
 * <p>Addresses are {@code host:port} strings so that any ZooKeeper tool can read them. Unknown JSON fields are
 * ignored, so members of a newer version may add fields without breaking older readers.
 *
 * @param privateAddress address members of the same network use
 * @param publicAddress address clients and members behind NAT use (equals the private one when not configured)
 * @param version Hazelcast version of the member, e.g. {@code 5.7.0}
 * @param zone availability zone, null when not configured
 * @param rack rack (placement), null when not configured
 * @param nodeId stable id of the member across restarts; also the znode name
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MemberPayload(
        String privateAddress,
        String publicAddress,
        String version,
        @Nullable String zone,
        @Nullable String rack,
        String nodeId) {}
