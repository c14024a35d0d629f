package io.gridkeeper.it.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hazelcast.core.HazelcastInstance;
import io.gridkeeper.cli.DoctorCommand;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.Test;

/** {@code caches} and the doctor's hit-ratio check against a live member with a Gridkeeper JCache cache. */
final class CachesClusterTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void caches_afterHitsAndMisses_listsTheClusterWideStatisticsAndDoctorFlagsThePoorHitRatio() throws Exception {
        try (CliCluster cluster = new CliCluster()) {
            HazelcastInstance member = cluster.member("a", Map.of());
            Properties properties = new Properties();
            properties.put("hazelcast.instance.itself", member);
            try (CacheManager manager = Caching.getCachingProvider("io.gridkeeper.jcache.GridkeeperCachingProvider")
                    .getCacheManager(
                            URI.create("gridkeeper:cli-test"), getClass().getClassLoader(), properties)) {
                Cache<Integer, String> orders = manager.createCache(
                        "orders",
                        new MutableConfiguration<Integer, String>()
                                .setTypes(Integer.class, String.class)
                                .setStatisticsEnabled(true));
                orders.put(1, "one");
                orders.get(1);
                for (int i = 100; i < 250; i++) {
                    orders.get(i);
                }

                await().atMost(TIMEOUT).untilAsserted(() -> {
                    CliCluster.Run caches = cluster.run("caches", "--json");
                    assertThat(caches.exitCode()).as(caches.toString()).isZero();
                    JsonNode cache = JSON.readTree(caches.out()).get(0);
                    assertThat(cache.path("name").asText()).isEqualTo("orders");
                    assertThat(cache.path("hits").asLong()).isEqualTo(1);
                    assertThat(cache.path("misses").asLong()).isEqualTo(150);
                    assertThat(cache.path("puts").asLong()).isEqualTo(1);
                });
                CliCluster.Run text = cluster.run("caches");
                assertThat(text.out()).contains("CACHE", "HIT%", "orders");

                CliCluster.Run doctor = cluster.run("doctor");
                assertThat(doctor.exitCode()).as(doctor.toString()).isEqualTo(DoctorCommand.EXIT_WARNING);
                assertThat(doctor.out()).contains("cache-hit-ratio-low", "cache [orders] hit ratio [0.7%]");
            }
        }
    }
}
