package io.gridkeeper.jcache.micronaut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import io.gridkeeper.jcache.instance.IndeterminateWrites;
import io.micronaut.context.exceptions.ConfigurationException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.ModifiedExpiryPolicy;
import javax.cache.expiry.TouchedExpiryPolicy;
import org.junit.jupiter.api.Test;

/** The Micronaut factory's configuration: cache settings, member configuration and their validation messages. */
final class GridkeeperMicronautConfigTest {

    @Test
    void cacheSettings_modifiedWithDuration_buildsPolicyAndDefaultStatistics() {
        GridkeeperCacheSettings settings = new GridkeeperCacheSettings("books");
        settings.setExpiry(CacheExpiry.MODIFIED);
        settings.setExpiryDuration(Duration.ofMinutes(10));

        MutableConfiguration<Object, Object> configuration = settings.toConfiguration(true);

        assertThat(configuration.getExpiryPolicyFactory().create()).isInstanceOf(ModifiedExpiryPolicy.class);
        assertThat(configuration.getExpiryPolicyFactory().create().getExpiryForUpdate())
                .isEqualTo(new javax.cache.expiry.Duration(TimeUnit.MILLISECONDS, 600_000));
        assertThat(configuration.isStatisticsEnabled()).isTrue();
    }

    @Test
    void cacheSettings_statisticsSetPerCache_overridesTheDefault() {
        GridkeeperCacheSettings settings = new GridkeeperCacheSettings("books");
        settings.setStatisticsEnabled(false);
        settings.setExpiry(CacheExpiry.TOUCHED);
        settings.setExpiryDuration(Duration.ofSeconds(5));

        MutableConfiguration<Object, Object> configuration = settings.toConfiguration(true);

        assertThat(configuration.isStatisticsEnabled()).isFalse();
        assertThat(configuration.getExpiryPolicyFactory().create()).isInstanceOf(TouchedExpiryPolicy.class);
    }

    @Test
    void cacheSettings_expiringWithoutDuration_failsNamingTheKey() {
        GridkeeperCacheSettings settings = new GridkeeperCacheSettings("books");
        settings.setExpiry(CacheExpiry.CREATED);

        assertThatThrownBy(() -> settings.toConfiguration(true))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("Property 'gridkeeper.jcache.caches.books.expiry-duration' must be positive for"
                        + " [gridkeeper.jcache.caches.books.expiry=created] but was [null]");
    }

    @Test
    void cacheSettings_eternalWithDuration_failsNamingBothKeys() {
        GridkeeperCacheSettings settings = new GridkeeperCacheSettings("books");
        settings.setExpiryDuration(Duration.ofMinutes(1));

        assertThatThrownBy(() -> settings.toConfiguration(true))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("Property 'gridkeeper.jcache.caches.books.expiry-duration' is set to [PT1M] but"
                        + " 'gridkeeper.jcache.caches.books.expiry' is [eternal]; choose one of [created, modified,"
                        + " accessed, touched] or remove the duration");
    }

    @Test
    void memberConfig_portOutOfRange_failsNamingTheKey() {
        GridkeeperJCacheProperties properties = new GridkeeperJCacheProperties();
        properties.setMemberPort(70000);

        assertThatThrownBy(() -> GridkeeperJCacheFactory.memberConfig(
                        properties, getClass().getClassLoader()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("Property 'gridkeeper.jcache.member-port' must be in [1, 65535] but was [70000]");
    }

    @Test
    void memberConfig_zookeeperConnectString_isTheOnlyJoinMethod() {
        GridkeeperJCacheProperties properties = new GridkeeperJCacheProperties();
        properties.setClusterName("orders");
        properties.setMemberPort(5801);
        properties.setZookeeperConnectString("zk1:2181");

        Config config =
                GridkeeperJCacheFactory.memberConfig(properties, getClass().getClassLoader());

        JoinConfig join = config.getNetworkConfig().getJoin();
        assertThat(config.getClusterName()).isEqualTo("orders");
        assertThat(config.getNetworkConfig().getPort()).isEqualTo(5801);
        assertThat(config.getNetworkConfig().isPortAutoIncrement()).isFalse();
        assertThat(config.getProperty("hazelcast.discovery.enabled")).isEqualTo("true");
        assertThat(join.getMulticastConfig().isEnabled()).isFalse();
        assertThat(join.getAutoDetectionConfig().isEnabled()).isFalse();
        assertThat(join.getTcpIpConfig().isEnabled()).isFalse();
        assertThat(join.getDiscoveryConfig().getDiscoveryStrategyConfigs())
                .singleElement()
                .satisfies(
                        strategy -> assertThat(strategy.getProperties()).containsEntry("connect-string", "zk1:2181"));
    }

    @Test
    void memberConfig_unreadableConfigLocation_failsNamingTheKey() {
        GridkeeperJCacheProperties properties = new GridkeeperJCacheProperties();
        properties.setConfigLocation("/nonexistent/hazelcast.yaml");

        assertThatThrownBy(() -> GridkeeperJCacheFactory.memberConfig(
                        properties, getClass().getClassLoader()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("Property 'gridkeeper.jcache.config-location' names a member configuration"
                        + " that cannot be read [/nonexistent/hazelcast.yaml]");
    }

    @Test
    void clientAndMemberConfig_failOnIndeterminateUnset_failByDefault() {
        GridkeeperJCacheProperties properties = new GridkeeperJCacheProperties();

        ClientConfig client =
                GridkeeperJCacheFactory.clientConfig(properties, getClass().getClassLoader());
        Config member =
                GridkeeperJCacheFactory.memberConfig(properties, getClass().getClassLoader());

        assertThat(client.getProperty(IndeterminateWrites.CLIENT_PROPERTY)).isEqualTo("true");
        assertThat(member.getProperty(IndeterminateWrites.MEMBER_PROPERTY)).isEqualTo("true");
    }

    @Test
    void clientAndMemberConfig_failOnIndeterminateSetFalse_keepTheUsersChoice() {
        GridkeeperJCacheProperties properties = new GridkeeperJCacheProperties();
        properties.setHazelcastProperties(
                Map.of(IndeterminateWrites.CLIENT_PROPERTY, "false", IndeterminateWrites.MEMBER_PROPERTY, "false"));

        ClientConfig client =
                GridkeeperJCacheFactory.clientConfig(properties, getClass().getClassLoader());
        Config member =
                GridkeeperJCacheFactory.memberConfig(properties, getClass().getClassLoader());

        assertThat(client.getProperty(IndeterminateWrites.CLIENT_PROPERTY)).isEqualTo("false");
        assertThat(member.getProperty(IndeterminateWrites.MEMBER_PROPERTY)).isEqualTo("false");
    }
}
