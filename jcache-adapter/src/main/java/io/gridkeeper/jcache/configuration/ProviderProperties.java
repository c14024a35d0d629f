package io.gridkeeper.jcache.configuration;

import java.net.URI;
import java.util.Locale;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * The CacheManager properties the provider understands, with their defaults.
 *
 * <p>Hazelcast's own provider properties are accepted as well, since frameworks such as Spring Boot pass them.
 */
public final class ProviderProperties {

    /** A {@code HazelcastInstance} object to use; never shut down by the provider. */
    public static final String INSTANCE_ITSELF = "hazelcast.instance.itself";
    /** The name of a running member or client to use; started with that name when none runs. */
    public static final String INSTANCE_NAME = "hazelcast.instance.name";
    /** A member or client configuration file: {@code classpath:name.yaml}, a file path or a {@code file:} URI. */
    public static final String CONFIG_LOCATION = "hazelcast.config.location";
    /** {@code member} (default) or {@code client}; also read from the system property of the same name. */
    public static final String MODE = "gridkeeper.jcache.mode";
    /** {@code true} turns on a near cache for reads of every cache of the manager; default {@code false}. */
    public static final String NEAR_CACHE = "gridkeeper.jcache.near-cache";
    /** {@code true} lets {@code destroyCache} destroy an IMap that existed before the cache; default {@code false}. */
    public static final String DESTROY_EXISTING_MAPS = "gridkeeper.jcache.destroy-existing-maps";

    /** Where the caches of a manager live. */
    public enum Mode {
        MEMBER,
        CLIENT
    }

    private ProviderProperties() {}

    /** The mode chosen by the properties, the URI ({@code gridkeeper:client}) or the system property. */
    public static Mode mode(URI uri, Properties properties) {
        String value = properties.getProperty(MODE);
        if (value == null && "gridkeeper".equals(uri.getScheme())) {
            String part = uri.getSchemeSpecificPart();
            if ("client".equals(part) || "member".equals(part)) {
                value = part;
            }
        }
        if (value == null) {
            value = System.getProperty(MODE, "member");
        }
        try {
            return Mode.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "Property '" + MODE + "' must be one of [member, client] but was [" + value + "]", e);
        }
    }

    /** The configuration location from the properties, or the URI when it names a file or class-path resource. */
    public static @Nullable String configLocation(URI uri, Properties properties) {
        String location = properties.getProperty(CONFIG_LOCATION);
        if (location != null) {
            return location;
        }
        String scheme = uri.getScheme();
        if ("classpath".equals(scheme) || "file".equals(scheme)) {
            return uri.toString();
        }
        return null;
    }

    /** A boolean property, {@code false} unless set to {@code true}. */
    public static boolean flag(Properties properties, String key) {
        String value = properties.getProperty(key, System.getProperty(key, "false"));
        return Boolean.parseBoolean(value.trim());
    }
}
