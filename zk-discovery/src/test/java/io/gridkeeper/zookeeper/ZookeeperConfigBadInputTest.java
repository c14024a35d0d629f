package io.gridkeeper.zookeeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.config.InvalidConfigurationException;
import com.hazelcast.config.properties.PropertyDefinition;
import com.hazelcast.config.properties.ValueValidator;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One bad value for every property, through both ways a value arrives: the discovery-strategy properties
 * (hazelcast.yaml) and a {@code gridkeeper.zookeeper.<key>} system property. Each fails at start with an
 * {@link InvalidConfigurationException} naming the key, the value (masked if secret) and what is allowed, and the
 * declared validator Hazelcast runs on declarative configuration says the same.
 */
final class ZookeeperConfigBadInputTest {

    @ParameterizedTest(name = "{0}=[{1}]")
    @CsvSource(delimiter = '|', textBlock = """
            connect-string             | zk:99999          | must be host:port[,host:port...][/chroot]
            connect-string             | zk:2181/a b       | with a valid chroot path
            connect-string             | zk 1:2181         | must be host:port[,host:port...][/chroot]
            base-path                  | gridkeeper        | must be an absolute znode path
            base-path                  | /a//b             | must be an absolute znode path
            cluster-id                 | a/b               | must be a non-empty znode name
            cluster-id                 | zookeeper         | must be a non-empty znode name
            session-timeout-seconds    | ten               | must be an integer
            session-timeout-seconds    | 0                 | must be positive
            session-timeout-seconds    | 86401             | must be at most 86400
            session-timeout-seconds    | 99999999999       | must be an integer
            connection-timeout-seconds | 1.5               | must be an integer
            connection-timeout-seconds | -3                | must be positive
            startup-timeout-seconds    | 2147483647        | must be at most 86400
            retry-base-sleep-ms        | x                 | must be an integer
            retry-base-sleep-ms        | 0                 | must be positive
            retry-max-sleep-ms         | -1                | must be positive
            retry-max-retries          | 30                | must be in 0..29
            retry-max-retries          | -1                | must be in 0..29
            node-id                    | a b               | must be a non-empty znode name
            node-id                    | ..                | must be a non-empty znode name
            auth-scheme                | kerberos          | must be one of [digest, sasl]
            auth                       | no-colon-secret   | must be user:password
            acl                        | everyone          | must be one of [creator, open]
            tls-enabled                | yes               | must be true or false
            tls-enabled                | 1                 | must be true or false
            tls-hostname-verification  | maybe             | must be true or false
            tls-keystore-type          | XYZ               | must be one of [PKCS12, JKS, PEM]
            tls-truststore-type        | P12               | must be one of [PKCS12, JKS, PEM]
            public-address             | host:0            | must be host:port with a port in 1..65535
            public-address             | host:70000        | must be host:port with a port in 1..65535
            public-address             | host              | must be host:port with a port in 1..65535
            zookeeper_url              | zk:-1             | must be host:port[,host:port...][/chroot]
            zookeeper_path             | relative          | must be an absolute znode path
            group                      | a/b               | must be a non-empty znode name
            """)
    void property_withBadValue_failsAtStartNamingKeyValueAndRule(String key, String value, String rule) {
        String shown = ZookeeperDiscoveryProperties.SECRET_KEYS.contains(key) ? "****" : value;

        for (PropertyLookup lookup :
                new PropertyLookup[] {strategyProperties(key, value), systemProperty(key, value)}) {
            assertThatThrownBy(() -> ZookeeperDiscoveryConfig.from(lookup, "c", null))
                    .isInstanceOf(InvalidConfigurationException.class)
                    .hasMessageStartingWith("Property '" + key + "' ")
                    .hasMessageContaining(rule)
                    .hasMessageEndingWith("but was [" + shown + "]");
        }
        if (key.equals("auth")) {
            assertThatThrownBy(() -> ZookeeperDiscoveryConfig.from(strategyProperties(key, value), "c", null))
                    .hasMessageNotContaining(value);
        }
    }

    @ParameterizedTest(name = "{0}=[{1}]")
    @CsvSource(delimiter = '|', textBlock = """
            tls-enabled                | yes
            tls-hostname-verification  | 0
            session-timeout-seconds    | 90000
            startup-timeout-seconds    | -1
            public-address             | host:70000
            auth-scheme                | kerberos
            """)
    void declaredValidator_withBadValue_rejectsItAsHazelcastWouldOnDeclarativeConfig(String key, String value) {
        PropertyDefinition property = ZookeeperDiscoveryProperties.ALL.stream()
                .filter(p -> p.key().equals(key))
                .findFirst()
                .orElseThrow();
        @SuppressWarnings("rawtypes")
        ValueValidator validator = property.validator();

        assertThat(validator).isNotNull();
        @SuppressWarnings("unchecked")
        Comparable<Object> converted =
                (Comparable<Object>) property.typeConverter().convert(value);
        assertThatThrownBy(() -> validator.validate(converted)).hasMessageStartingWith("Property '" + key + "' ");
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void validate(ValueValidator validator, Comparable<?> value) {
        validator.validate((Comparable) value);
    }

    private static PropertyLookup strategyProperties(String key, String value) {
        Map<String, Comparable> properties = new HashMap<>();
        if (!key.equals("zookeeper_url")) {
            properties.put("connect-string", "zk:2181");
        }
        properties.put(key, value);
        return new PropertyLookup(properties, name -> null, name -> null);
    }

    private static PropertyLookup systemProperty(String key, String value) {
        Map<String, Comparable> properties = new HashMap<>();
        if (!key.equals("zookeeper_url")) {
            properties.put("connect-string", "zk:2181");
        }
        String name = ZookeeperDiscoveryProperties.SYSTEM_PROPERTY_PREFIX + "." + key;
        return new PropertyLookup(properties, n -> n.equals(name) ? value : null, n -> null);
    }
}
