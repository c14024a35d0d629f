package io.gridkeeper.zookeeper;

import com.hazelcast.cluster.Address;
import com.hazelcast.logging.ILogger;
import com.hazelcast.spi.discovery.DiscoveryNode;
import com.hazelcast.spi.discovery.SimpleDiscoveryNode;
import java.io.Closeable;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.cache.ChildData;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.apache.curator.utils.ZKPaths;
import org.apache.curator.x.discovery.ServiceInstance;
import org.apache.curator.x.discovery.details.InstanceSerializer;
import org.jspecify.annotations.Nullable;

/**
 * The cluster's registered members, read from a watched Curator cache of {@code <cluster-path>/members}.
 *
 * <p>This is the data a Curator {@code ServiceCache} holds, kept with a {@link CuratorCache} directly because
 * {@code ServiceCache} hides which znode an entry came from and rethrows unreadable data inside its cache
 * listener: here an unreadable entry is skipped with one warning naming its znode (again only when its data
 * changes). {@link #snapshot()} never touches ZooKeeper and never throws; while ZooKeeper is unreachable it keeps
 * answering the last known members.
 */
final class MemberDirectory implements Closeable {

    /**
     * Registrations larger than this are skipped unread: a member writes a few hundred bytes, so anything bigger
     * is junk or hostile, and parsing it on every cache event would only cost memory.
     */
    static final int MAX_REGISTRATION_BYTES = 16 * 1024;

    /** One readable registration. */
    record Entry(String path, MemberPayload payload, DiscoveryNode node) {}

    private final String membersPath;
    private final InstanceSerializer<MemberPayload> serializer;
    private final ILogger logger;
    private final CuratorCache cache;
    /** Reads and parses the cache (and may resolve host names) off Curator's threads. */
    private final ExecutorService executor;

    private final CountDownLatch initialized = new CountDownLatch(1);
    /** Znode path to the modification zxid whose data we warned about. */
    private final Map<String, Long> warned = new ConcurrentHashMap<>();

    private volatile List<Entry> snapshot = List.of();
    private volatile int unreadable;

    MemberDirectory(
            CuratorFramework curator,
            String membersPath,
            InstanceSerializer<MemberPayload> serializer,
            ILogger logger) {
        this.membersPath = membersPath;
        this.serializer = serializer;
        this.logger = logger;
        this.cache = CuratorCache.build(curator, membersPath);
        this.executor = Executors.newSingleThreadExecutor(CuratorClients.threads("gridkeeper-zk-directory"));
        cache.listenable()
                .addListener(
                        CuratorCacheListener.builder()
                                .forAll((type, oldData, data) -> {
                                    // the initial load is read once, when the cache reports it complete
                                    if (initialized.getCount() == 0) {
                                        refresh();
                                    }
                                })
                                .forInitialized(() -> {
                                    refresh();
                                    initialized.countDown();
                                })
                                .build(),
                        executor);
    }

    /** Starts watching; waits up to the timeout for the first full read. */
    boolean start(long timeoutMs) throws InterruptedException {
        cache.start();
        return initialized.await(timeoutMs, TimeUnit.MILLISECONDS);
    }

    /** The registered members as last seen; never null, never throws. */
    List<Entry> snapshot() {
        return snapshot;
    }

    /** How many registrations the last read skipped as unreadable (each warned about once); never blocks. */
    int unreadableCount() {
        return unreadable;
    }

    private synchronized void refresh() {
        List<Entry> entries = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        cache.stream()
                .filter(child -> membersPath.equals(
                        ZKPaths.getPathAndNode(child.getPath()).getPath()))
                .forEach(child -> read(child, seen).ifPresent(entries::add));
        warned.keySet().retainAll(seen.keySet());
        unreadable = seen.size() - entries.size();
        snapshot = List.copyOf(entries);
    }

    private Optional<Entry> read(ChildData child, Map<String, Long> seen) {
        String path = child.getPath();
        long version = child.getStat() == null ? -1 : child.getStat().getMzxid();
        seen.put(path, version);
        try {
            byte[] data = child.getData();
            if (data == null || data.length > MAX_REGISTRATION_BYTES) {
                throw new IllegalArgumentException((data == null ? "no data" : data.length + " bytes")
                        + ", a registration has at most " + MAX_REGISTRATION_BYTES + " bytes");
            }
            ServiceInstance<MemberPayload> instance = serializer.deserialize(data);
            MemberPayload payload = instance.getPayload();
            if (payload == null || payload.privateAddress() == null || payload.nodeId() == null) {
                throw new IllegalArgumentException("no member payload with a private address and node id");
            }
            Address privateAddress = address(payload.privateAddress());
            Address publicAddress = payload.publicAddress() == null ? privateAddress : address(payload.publicAddress());
            Map<String, String> properties = new HashMap<>();
            properties.put(ZookeeperDiscoveryStrategy.NODE_ID_ATTRIBUTE, payload.nodeId());
            if (payload.zone() != null) {
                properties.put(ZookeeperDiscoveryStrategy.ZONE_ATTRIBUTE, payload.zone());
            }
            if (payload.rack() != null) {
                properties.put(ZookeeperDiscoveryStrategy.RACK_ATTRIBUTE, payload.rack());
            }
            return Optional.of(new Entry(
                    path, payload, new SimpleDiscoveryNode(privateAddress, publicAddress, Map.copyOf(properties))));
        } catch (Exception e) {
            Long previous = warned.put(path, version);
            if (previous == null || previous != version) {
                logger.warning("Skipping unreadable member registration [" + path + "] ("
                        + e.getClass().getSimpleName() + ": " + abbreviate(e.getMessage())
                        + "); delete the znode or fix its data, it is ignored until it changes");
            }
            return Optional.empty();
        }
    }

    private static Address address(String hostPort) throws UnknownHostException {
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("not host:port: " + hostPort);
        }
        String host = hostPort.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = Integer.parseInt(hostPort.substring(colon + 1));
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port [" + port + "] not in 1..65535");
        }
        return new Address(host, port);
    }

    /** The first line of a message, at most 200 characters: parser messages may quote the hostile data. */
    static String abbreviate(@Nullable String message) {
        if (message == null) {
            return "no detail";
        }
        String line = message.lines().findFirst().orElse("");
        return line.length() <= 200 ? line : line.substring(0, 200) + "...";
    }

    @Override
    public void close() {
        cache.close();
        executor.shutdownNow();
    }
}
