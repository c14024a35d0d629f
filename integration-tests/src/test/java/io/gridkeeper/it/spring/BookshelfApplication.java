package io.gridkeeper.it.spring;

import com.hazelcast.config.Config;
import com.hazelcast.config.DiscoveryStrategyConfig;
import com.hazelcast.config.JoinConfig;
import io.gridkeeper.zookeeper.ZookeeperDiscoveryStrategyFactory;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.Bean;

/**
 * The Spring Boot example app. Caching is Boot's JCache support with one line of configuration,
 * {@code spring.cache.jcache.provider=io.gridkeeper.jcache.GridkeeperCachingProvider} (see
 * {@code spring-bookshelf.yml}); Boot starts the Hazelcast member from the {@link Config} bean below and hands it to
 * the provider ({@code hazelcast.instance.itself}), so there is no second instance.
 */
@SpringBootApplication(proxyBeanMethods = false)
@EnableCaching
class BookshelfApplication {

    /** The member configuration: joins the cluster through Gridkeeper's ZooKeeper discovery. */
    @Bean
    Config hazelcastConfig(
            @Value("${bookshelf.hazelcast.cluster-name}") String clusterName,
            @Value("${bookshelf.hazelcast.port}") int port,
            @Value("${bookshelf.zookeeper.connect-string}") String connectString) {
        Config config = new Config().setClusterName(clusterName);
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.discovery.enabled", "true");
        config.setProperty("hazelcast.wait.seconds.before.join", "1");
        config.getNetworkConfig().setPort(port).setPortAutoIncrement(false);
        JoinConfig join = config.getNetworkConfig().getJoin();
        join.getAutoDetectionConfig().setEnabled(false);
        join.getMulticastConfig().setEnabled(false);
        join.getDiscoveryConfig()
                .addDiscoveryStrategyConfig(new DiscoveryStrategyConfig(
                        new ZookeeperDiscoveryStrategyFactory(), Map.of("connect-string", connectString)));
        return config;
    }
}
