package io.gridkeeper.it.spring;

import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.DiscoveryStrategyConfig;
import com.hazelcast.config.JoinConfig;
import io.gridkeeper.jcache.instance.IndeterminateWrites;
import io.gridkeeper.zookeeper.ZookeeperDiscoveryStrategyFactory;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.Bean;

/**
 * The Spring Boot example app. Caching is Boot's JCache support with one line of configuration,
 * {@code spring.cache.jcache.provider=io.gridkeeper.jcache.GridkeeperCachingProvider} (see
 * {@code spring-bookshelf.yml}). Boot starts the Hazelcast instance from the {@link Config} bean (member mode) or the
 * {@link ClientConfig} bean (client mode, {@code bookshelf.hazelcast.mode=client}) below and hands it to the provider
 * ({@code hazelcast.instance.itself}), so there is no second instance.
 */
@SpringBootApplication(proxyBeanMethods = false)
@EnableCaching
class BookshelfApplication {

    /** Member mode (the default): the app is a member that joins the cluster through Gridkeeper's ZooKeeper discovery. */
    @Bean
    @ConditionalOnProperty(name = "bookshelf.hazelcast.mode", havingValue = "member", matchIfMissing = true)
    Config hazelcastConfig(
            @Value("${bookshelf.hazelcast.cluster-name}") String clusterName,
            @Value("${bookshelf.hazelcast.port}") int port,
            @Value("${bookshelf.zookeeper.connect-string}") String connectString) {
        Config config = new Config().setClusterName(clusterName);
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.discovery.enabled", "true");
        config.setProperty("hazelcast.wait.seconds.before.join", "1");
        // Boot starts this instance, not the provider: ask for failed (not silently unbacked) writes here
        config.setProperty(IndeterminateWrites.MEMBER_PROPERTY, "true");
        config.getNetworkConfig().setPort(port).setPortAutoIncrement(false);
        JoinConfig join = config.getNetworkConfig().getJoin();
        join.getAutoDetectionConfig().setEnabled(false);
        join.getMulticastConfig().setEnabled(false);
        join.getDiscoveryConfig()
                .addDiscoveryStrategyConfig(new DiscoveryStrategyConfig(
                        new ZookeeperDiscoveryStrategyFactory(), Map.of("connect-string", connectString)));
        return config;
    }

    /** Client mode: the app is a client of members it finds in ZooKeeper; the data lives in the members. */
    @Bean
    @ConditionalOnProperty(name = "bookshelf.hazelcast.mode", havingValue = "client")
    ClientConfig hazelcastClientConfig(
            @Value("${bookshelf.hazelcast.cluster-name}") String clusterName,
            @Value("${bookshelf.zookeeper.connect-string}") String connectString) {
        ClientConfig config = new ClientConfig().setClusterName(clusterName);
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty(IndeterminateWrites.CLIENT_PROPERTY, "true");
        config.setProperty("hazelcast.discovery.enabled", "true");
        config.getNetworkConfig()
                .getDiscoveryConfig()
                .addDiscoveryStrategyConfig(new DiscoveryStrategyConfig(
                        new ZookeeperDiscoveryStrategyFactory(), Map.of("connect-string", connectString)));
        return config;
    }
}
