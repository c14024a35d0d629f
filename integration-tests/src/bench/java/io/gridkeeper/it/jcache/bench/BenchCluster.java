package io.gridkeeper.it.jcache.bench;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.gridkeeper.it.fixture.FreePorts;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A 2-member loopback cluster and one client, started once per benchmark JVM and shared by all benchmarks. */
final class BenchCluster {

    /** Maps (and so Gridkeeper caches) with {@code read-backup-data}: the {@code gridkeeper-local} target. */
    static final String LOCAL_REPLICA_MAPS = "near-gridkeeper-local-*";

    private static BenchCluster instance;

    private final List<HazelcastInstance> members = new ArrayList<>();
    private final HazelcastInstance client;

    private BenchCluster() {
        String clusterName = "gridkeeper-jcache-bench-" + UUID.randomUUID();
        List<String> addresses = List.of("127.0.0.1:" + FreePorts.next(), "127.0.0.1:" + FreePorts.next());
        for (String address : addresses) {
            Config config = new Config().setClusterName(clusterName);
            config.setProperty("hazelcast.phone.home.enabled", "false");
            config.setProperty("hazelcast.wait.seconds.before.join", "1");
            config.getNetworkConfig()
                    .setPort(Integer.parseInt(address.substring(address.indexOf(':') + 1)))
                    .setPortAutoIncrement(false);
            // Hazelcast's own opt-in: a member reads an entry it holds a backup of from its local replica
            config.addMapConfig(new MapConfig(LOCAL_REPLICA_MAPS).setReadBackupData(true));
            JoinConfig join = config.getNetworkConfig().getJoin();
            join.getAutoDetectionConfig().setEnabled(false);
            join.getMulticastConfig().setEnabled(false);
            join.getTcpIpConfig().setEnabled(true).setMembers(addresses);
            members.add(Hazelcast.newHazelcastInstance(config));
        }
        ClientConfig clientConfig = new ClientConfig().setClusterName(clusterName);
        clientConfig.getNetworkConfig().setAddresses(addresses);
        client = HazelcastClient.newHazelcastClient(clientConfig);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            client.shutdown();
            members.forEach(HazelcastInstance::shutdown);
        }));
    }

    static synchronized BenchCluster get() {
        if (instance == null) {
            instance = new BenchCluster();
        }
        return instance;
    }

    /** Member 0 in member mode, the client in client mode. */
    HazelcastInstance entryPoint(String mode) {
        return "member".equals(mode) ? members.get(0) : client;
    }
}
