package io.gridkeeper.jcache.instance;

import com.hazelcast.client.config.ClientClasspathXmlConfig;
import com.hazelcast.client.config.ClientClasspathYamlConfig;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.client.config.XmlClientConfigBuilder;
import com.hazelcast.client.config.YamlClientConfigBuilder;
import com.hazelcast.config.Config;
import java.io.File;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;

/**
 * Loads a Hazelcast member or client configuration from the location a user names: {@code classpath:<resource>}
 * (looked up through the given class loader, the one the cache manager or application uses), a {@code file:} URI or a
 * plain path. XML or YAML, told apart by the extension ({@code .yaml}/{@code .yml} is YAML). Shared by the
 * provider's {@code hazelcast.config.location} and Micronaut's {@code config-location}.
 */
public final class ConfigLocations {

    private static final String CLASSPATH = "classpath:";

    private ConfigLocations() {}

    /**
     * A member configuration.
     *
     * @throws FileNotFoundException when the file does not exist (its path is the message)
     * @throws IllegalArgumentException when the class path resource does not exist, or the content is invalid
     */
    public static Config member(String location, ClassLoader classLoader) throws IOException {
        if (location.startsWith(CLASSPATH)) {
            return Config.loadFromClasspath(classLoader, location.substring(CLASSPATH.length()));
        }
        return Config.loadFromFile(existing(location));
    }

    /**
     * A client configuration.
     *
     * @throws FileNotFoundException when the file does not exist (its path is the message)
     * @throws IllegalArgumentException when the class path resource does not exist, or the content is invalid
     */
    public static ClientConfig client(String location, ClassLoader classLoader) throws IOException {
        boolean yaml = location.endsWith(".yaml") || location.endsWith(".yml");
        if (location.startsWith(CLASSPATH)) {
            String resource = location.substring(CLASSPATH.length());
            return yaml
                    ? new ClientClasspathYamlConfig(classLoader, resource, System.getProperties())
                    : new ClientClasspathXmlConfig(classLoader, resource, System.getProperties());
        }
        File file = existing(location);
        return yaml ? new YamlClientConfigBuilder(file).build() : new XmlClientConfigBuilder(file).build();
    }

    private static File existing(String location) throws FileNotFoundException {
        File file = location.startsWith("file:") ? new File(URI.create(location)) : new File(location);
        if (!file.isFile()) {
            throw new FileNotFoundException(file.getPath());
        }
        return file;
    }
}
