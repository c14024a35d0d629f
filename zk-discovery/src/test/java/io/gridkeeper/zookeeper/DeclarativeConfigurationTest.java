package io.gridkeeper.zookeeper;

import static io.gridkeeper.zookeeper.TestMembers.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.YamlClientConfigBuilder;
import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The strategy configured from hazelcast.yaml / hazelcast.xml / hazelcast-client.yaml, as in docs/discovery.md. */
final class DeclarativeConfigurationTest {

    private static final String MEMBER_YAML = """
            hazelcast:
              cluster-name: ${cluster}
              properties:
                hazelcast.discovery.enabled: true
                hazelcast.phone.home.enabled: false
                hazelcast.wait.seconds.before.join: 1
              network:
                port:
                  port: ${port}
                  auto-increment: false
                interfaces:
                  enabled: true
                  interfaces:
                    - 127.0.0.1
                join:
                  multicast:
                    enabled: false
                  auto-detection:
                    enabled: false
                  discovery-strategies:
                    discovery-strategies:
                      - class: io.gridkeeper.zookeeper.ZookeeperDiscoveryStrategy
                        enabled: true
                        properties:
            ${properties}
            """;

    private static final String MEMBER_XML = """
            <hazelcast xmlns="http://www.hazelcast.com/schema/config">
              <cluster-name>${cluster}</cluster-name>
              <properties>
                <property name="hazelcast.discovery.enabled">true</property>
                <property name="hazelcast.phone.home.enabled">false</property>
                <property name="hazelcast.wait.seconds.before.join">1</property>
              </properties>
              <network>
                <port auto-increment="false">${port}</port>
                <interfaces enabled="true"><interface>127.0.0.1</interface></interfaces>
                <join>
                  <multicast enabled="false"/>
                  <auto-detection enabled="false"/>
                  <discovery-strategies>
                    <discovery-strategy class="io.gridkeeper.zookeeper.ZookeeperDiscoveryStrategy" enabled="true">
                      <properties>
                        <property name="connect-string">${connect}</property>
                        <property name="zone">zone-b</property>
                      </properties>
                    </discovery-strategy>
                  </discovery-strategies>
                </join>
              </network>
            </hazelcast>
            """;

    private static final String CLIENT_YAML = """
            hazelcast-client:
              cluster-name: ${cluster}
              properties:
                hazelcast.discovery.enabled: true
                hazelcast.phone.home.enabled: false
              network:
                auto-detection:
                  enabled: false
                discovery-strategies:
                  discovery-strategies:
                    - class: io.gridkeeper.zookeeper.ZookeeperDiscoveryStrategy
                      enabled: true
                      properties:
                        connect-string: ${connect}
            """;

    @RegisterExtension
    static final ZookeeperExtension zookeeper = new ZookeeperExtension();

    @Test
    void yamlAndXmlMembers_andYamlClient_meetThroughZookeeper() {
        String cluster = uniqueClusterName();
        HazelcastInstance yamlMember = Hazelcast.newHazelcastInstance(yamlMember(
                cluster,
                "connect-string: " + zookeeper.connectString(),
                "zone: zone-a",
                "session-timeout-seconds: 10"));
        HazelcastInstance xmlMember = Hazelcast.newHazelcastInstance(Config.loadFromString(fill(MEMBER_XML, cluster)));
        HazelcastInstance client = null;
        try {
            client = HazelcastClient.newHazelcastClient(new YamlClientConfigBuilder(
                            new ByteArrayInputStream(fill(CLIENT_YAML, cluster).getBytes(StandardCharsets.UTF_8)))
                    .build());

            HazelcastInstance connected = client;
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> connected.getCluster().getMembers().size() == 2);
            assertThat(xmlMember.getCluster().getMembers())
                    .extracting(member -> member.getAttribute("hazelcast.partition.group.zone"))
                    .containsExactlyInAnyOrder("zone-a", "zone-b");
            assertThat(ZookeeperMember.forInstance(yamlMember)
                            .orElseThrow()
                            .config()
                            .sessionTimeout())
                    .isEqualTo(Duration.ofSeconds(10));
        } finally {
            shutdown(client, xmlMember, yamlMember);
        }
    }

    @Test
    void hazelcastZookeeperPluginProperties_onlyClassNameChanged_formCluster() throws Exception {
        String cluster = uniqueClusterName();
        String[] legacy = {
            "zookeeper_url: " + zookeeper.connectString(), "zookeeper_path: /discovery/hazelcast", "group: " + cluster
        };
        HazelcastInstance first = Hazelcast.newHazelcastInstance(yamlMember(cluster, legacy));
        HazelcastInstance second = Hazelcast.newHazelcastInstance(yamlMember(cluster, legacy));
        try {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> second.getCluster().getMembers().size() == 2);
            assertThat(zookeeper.curator().getChildren().forPath("/discovery/hazelcast/" + cluster + "/members"))
                    .hasSize(2);
        } finally {
            shutdown(first, second);
        }
    }

    @Test
    void yamlMember_withNegativeTimeout_failsToStartNamingKeyAndValue() {
        Config config = yamlMember(
                uniqueClusterName(), "connect-string: " + zookeeper.connectString(), "session-timeout-seconds: -5");

        assertThatThrownBy(() -> Hazelcast.newHazelcastInstance(config))
                .hasStackTraceContaining("Property 'session-timeout-seconds' must be positive but was [-5]");
    }

    private static Config yamlMember(String cluster, String... properties) {
        StringBuilder indented = new StringBuilder();
        for (String property : properties) {
            indented.append("                  ").append(property).append('\n');
        }
        return Config.loadFromString(fill(MEMBER_YAML, cluster).replace("${properties}\n", indented.toString()));
    }

    private static String fill(String template, String cluster) {
        return template.replace("${cluster}", cluster)
                .replace("${port}", Integer.toString(freePort()))
                .replace("${connect}", zookeeper.connectString());
    }
}
