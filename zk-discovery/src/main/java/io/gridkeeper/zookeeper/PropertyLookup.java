package io.gridkeeper.zookeeper;

import com.hazelcast.config.InvalidConfigurationException;
import com.hazelcast.config.properties.PropertyDefinition;
import com.hazelcast.config.properties.PropertyTypeConverter;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Resolves a property the way Hazelcast's {@code AbstractDiscoveryStrategy.getOrDefault} does, plus one
 * shell-friendly form: JVM system property {@code gridkeeper.zookeeper.<key>}, then the environment variable of the
 * same name, then {@code GRIDKEEPER_ZOOKEEPER_<KEY>} (upper snake case), then the discovery-strategy properties.
 */
final class PropertyLookup implements ZookeeperDiscoveryConfig.Source {

    private final Map<String, Comparable> properties;
    private final UnaryOperator<@Nullable String> systemProperties;
    private final UnaryOperator<@Nullable String> environment;

    PropertyLookup(
            Map<String, Comparable> properties,
            UnaryOperator<@Nullable String> systemProperties,
            UnaryOperator<@Nullable String> environment) {
        this.properties = Map.copyOf(properties);
        this.systemProperties = systemProperties;
        this.environment = environment;
    }

    /** A lookup over the real JVM system properties and process environment. */
    static PropertyLookup of(Map<String, Comparable> properties) {
        return new PropertyLookup(properties, System::getProperty, System::getenv);
    }

    /** The upper snake case environment variable of a key, e.g. {@code GRIDKEEPER_ZOOKEEPER_CONNECT_STRING}. */
    static String environmentVariable(String key) {
        return (ZookeeperDiscoveryProperties.SYSTEM_PROPERTY_PREFIX + "_" + key)
                .toUpperCase(Locale.ROOT)
                .replace('.', '_')
                .replace('-', '_');
    }

    @Override
    public @Nullable Comparable<?> get(PropertyDefinition property) {
        String dotted = ZookeeperDiscoveryProperties.SYSTEM_PROPERTY_PREFIX + "." + property.key();
        String external = firstNonBlank(
                systemProperties.apply(dotted),
                environment.apply(dotted),
                environment.apply(environmentVariable(property.key())));
        if (external != null) {
            try {
                return property.typeConverter().convert(external);
            } catch (RuntimeException e) {
                throw new InvalidConfigurationException(ZookeeperDiscoveryProperties.invalid(
                        property.key(),
                        external,
                        property.typeConverter() == PropertyTypeConverter.INTEGER
                                ? "must be an integer"
                                : "must be a valid " + property.typeConverter()));
            }
        }
        Comparable value = properties.get(property.key());
        if (value == null) {
            value = properties.get(property.key().replace("-", ""));
        }
        return value;
    }

    private static @Nullable String firstNonBlank(@Nullable String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
