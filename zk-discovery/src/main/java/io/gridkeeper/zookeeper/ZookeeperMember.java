package io.gridkeeper.zookeeper;

import com.hazelcast.cluster.Address;
import com.hazelcast.core.HazelcastInstance;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.apache.curator.framework.CuratorFramework;

/**
 * The ZooKeeper side of one running Hazelcast member: its Curator connection, cluster path and identity.
 *
 * <p>Other Gridkeeper components (leader election, the migration controller, status) share this member's
 * connection through {@link #forInstance(HazelcastInstance)} or {@link #forAddress(Address)} instead of opening
 * their own. A handle is registered once the member's discovery strategy has connected and registered, and
 * removed when the strategy is destroyed (member shutdown); do not close the Curator client yourself.
 */
public final class ZookeeperMember {

    private static final Map<Address, ZookeeperMember> BY_ADDRESS = new ConcurrentHashMap<>();

    private final CuratorFramework curator;
    private final ZookeeperDiscoveryConfig config;
    private final Address address;
    private final String nodeId;
    private final String registrationPath;
    private final Supplier<List<MemberPayload>> members;
    private final IntSupplier unreadableMembers;

    ZookeeperMember(
            CuratorFramework curator,
            ZookeeperDiscoveryConfig config,
            Address address,
            String nodeId,
            String registrationPath,
            Supplier<List<MemberPayload>> members,
            IntSupplier unreadableMembers) {
        this.curator = curator;
        this.config = config;
        this.address = address;
        this.nodeId = nodeId;
        this.registrationPath = registrationPath;
        this.members = members;
        this.unreadableMembers = unreadableMembers;
    }

    /** The handle of the member with this private address in this JVM. */
    public static Optional<ZookeeperMember> forAddress(Address address) {
        return Optional.ofNullable(BY_ADDRESS.get(address));
    }

    /** The handle of this member instance, if it runs ZooKeeper discovery; empty for clients. */
    public static Optional<ZookeeperMember> forInstance(HazelcastInstance instance) {
        try {
            return forAddress(instance.getCluster().getLocalMember().getAddress());
        } catch (UnsupportedOperationException client) {
            return Optional.empty();
        }
    }

    static void register(ZookeeperMember member) {
        BY_ADDRESS.put(member.address, member);
    }

    static void deregister(ZookeeperMember member) {
        BY_ADDRESS.remove(member.address, member);
    }

    /** The started Curator client shared by this member's Gridkeeper components. */
    public CuratorFramework curator() {
        return curator;
    }

    /** {@code <base-path>/<cluster-id>}: create cluster-wide znodes (leader latch, epochs) below it. */
    public String clusterPath() {
        return config.clusterPath();
    }

    /** This member's stable id (the name of its registration znode). */
    public String nodeId() {
        return nodeId;
    }

    /** This member's private address. */
    public Address address() {
        return address;
    }

    /** This member's registration znode. */
    public String registrationPath() {
        return registrationPath;
    }

    /** This member's zone, if configured. */
    public Optional<String> zone() {
        return config.zone();
    }

    /** This member's rack, if configured. */
    public Optional<String> rack() {
        return config.rack();
    }

    /** The validated discovery configuration. */
    public ZookeeperDiscoveryConfig config() {
        return config;
    }

    /** The members currently registered in ZooKeeper, from the watched cache (no ZooKeeper round trip). */
    public List<MemberPayload> registeredMembers() {
        return members.get();
    }

    /** How many registration znodes the watched cache skipped as unreadable (no ZooKeeper round trip). */
    public int unreadableMembers() {
        return unreadableMembers.getAsInt();
    }

    @Override
    public String toString() {
        return "ZookeeperMember{nodeId=" + nodeId + ", address=" + address + ", clusterPath=" + clusterPath() + "}";
    }
}
