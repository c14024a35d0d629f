package io.gridkeeper.jcache.instance;

import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.Config;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Makes a write whose backups did not acknowledge it fail instead of succeed, on the Hazelcast instances Gridkeeper
 * starts for caches.
 *
 * <p>By default Hazelcast completes a write when the owner applied it, even if the backup acknowledgement then timed
 * out. The caller sees success, yet only the owner holds the value, and a crash of that owner loses it: Gridkeeper's
 * fault suite lost an acknowledged write this way. With {@value #CLIENT_PROPERTY} (clients) and {@value
 * #MEMBER_PROPERTY} (members, for the calls a member makes) set to {@code true}, such a write fails with {@code
 * IndeterminateOperationStateException} (a {@code javax.cache.CacheException} through the cache): the caller knows
 * that the write may or may not have taken effect, and can retry it.
 *
 * <p>The default applies only where the user set neither the configuration property nor the system property of that
 * name: an explicit {@code false} is kept. Instances the application hands to the provider are never changed.
 */
public final class IndeterminateWrites {

    /** Hazelcast's client property. */
    public static final String CLIENT_PROPERTY = "hazelcast.client.operation.fail.on.indeterminate.state";

    /** Hazelcast's member property. */
    public static final String MEMBER_PROPERTY = "hazelcast.operation.fail.on.indeterminate.state";

    private IndeterminateWrites() {}

    /** Sets {@value #CLIENT_PROPERTY} to {@code true} unless the configuration or a system property sets it. */
    public static ClientConfig failByDefault(ClientConfig config) {
        failByDefault(CLIENT_PROPERTY, config::getProperty, config::setProperty);
        return config;
    }

    /** Sets {@value #MEMBER_PROPERTY} to {@code true} unless the configuration or a system property sets it. */
    public static Config failByDefault(Config config) {
        failByDefault(MEMBER_PROPERTY, config::getProperty, config::setProperty);
        return config;
    }

    private static void failByDefault(
            String property, Function<String, String> configured, BiConsumer<String, String> setter) {
        if (configured.apply(property) == null && System.getProperty(property) == null) {
            setter.accept(property, "true");
        }
    }
}
