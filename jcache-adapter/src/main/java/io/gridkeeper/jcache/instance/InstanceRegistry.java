package io.gridkeeper.jcache.instance;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.logging.ILogger;
import com.hazelcast.logging.Logger;
import io.gridkeeper.jcache.configuration.ProviderProperties;
import io.gridkeeper.jcache.configuration.ProviderProperties.Mode;
import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.cache.CacheException;
import org.jspecify.annotations.Nullable;

/**
 * Finds or starts the Hazelcast instance of a cache manager.
 *
 * <p>Instances the provider starts are shared by all managers asking for the same mode and configuration, reference
 * counted, and shut down when the last of them closes. Instances handed in ({@code hazelcast.instance.itself}) or found
 * by name are never shut down. Thread-safe.
 */
public final class InstanceRegistry {

    private static final ILogger LOG = Logger.getLogger(InstanceRegistry.class);

    private final Map<String, Shared> shared = new HashMap<>();

    /** The instance for a manager with this URI, class loader and properties. */
    public InstanceHandle acquire(URI uri, ClassLoader classLoader, Properties properties) {
        Object itself = properties.get(ProviderProperties.INSTANCE_ITSELF);
        if (itself != null) {
            if (!(itself instanceof HazelcastInstance instance)) {
                throw new IllegalArgumentException(
                        "Property '" + ProviderProperties.INSTANCE_ITSELF + "' must be a HazelcastInstance but was ["
                                + itself.getClass().getName() + "]");
            }
            return new Borrowed(instance);
        }
        String name = properties.getProperty(ProviderProperties.INSTANCE_NAME);
        if (name != null) {
            HazelcastInstance found = Hazelcast.getHazelcastInstanceByName(name);
            if (found == null) {
                found = HazelcastClient.getHazelcastClientByName(name);
            }
            if (found != null) {
                return new Borrowed(found);
            }
        }
        Mode mode = ProviderProperties.mode(uri, properties);
        String location = ProviderProperties.configLocation(uri, properties);
        String key = mode + "|" + location + "|" + name;
        synchronized (shared) {
            Shared existing = shared.get(key);
            if (existing == null || !existing.instance.getLifecycleService().isRunning()) {
                LOG.info("starting a Hazelcast " + mode.name().toLowerCase(java.util.Locale.ROOT)
                        + " for JCache caches (configuration [" + (location == null ? "default" : location)
                        + "], instance name [" + (name == null ? "generated" : name) + "])");
                existing = new Shared(key, start(mode, location, name, classLoader), mode == Mode.CLIENT);
                shared.put(key, existing);
            }
            existing.users++;
            return existing.handle();
        }
    }

    private static HazelcastInstance start(
            Mode mode, @Nullable String location, @Nullable String name, ClassLoader classLoader) {
        try {
            if (mode == Mode.CLIENT) {
                ClientConfig config =
                        location == null ? ClientConfig.load() : ConfigLocations.client(location, classLoader);
                if (name != null) {
                    config.setInstanceName(name);
                }
                return HazelcastClient.newHazelcastClient(IndeterminateWrites.failByDefault(config));
            }
            Config config = location == null ? Config.load() : ConfigLocations.member(location, classLoader);
            if (name != null) {
                config.setInstanceName(name);
            }
            return Hazelcast.newHazelcastInstance(IndeterminateWrites.failByDefault(config));
        } catch (IOException e) {
            throw new CacheException("Hazelcast configuration [" + location + "] cannot be read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new CacheException(
                    "Cannot start a Hazelcast " + mode.name().toLowerCase(java.util.Locale.ROOT)
                            + " for the caches (configuration [" + (location == null ? "default" : location) + "]): "
                            + e.getMessage(),
                    e);
        }
    }

    private void release(Shared entry) {
        boolean shutdown;
        synchronized (shared) {
            entry.users--;
            shutdown = entry.users == 0;
            if (shutdown) {
                shared.remove(entry.key, entry);
            }
        }
        if (shutdown) {
            LOG.info("shutting down Hazelcast instance [" + entry.instance.getName()
                    + "]: the last cache manager using it closed");
            entry.instance.shutdown();
        }
    }

    private final class Shared {
        private final String key;
        private final HazelcastInstance instance;
        private final boolean client;
        private int users;

        Shared(String key, HazelcastInstance instance, boolean client) {
            this.key = key;
            this.instance = instance;
            this.client = client;
        }

        InstanceHandle handle() {
            AtomicBoolean released = new AtomicBoolean();
            return new InstanceHandle() {
                @Override
                public HazelcastInstance instance() {
                    return instance;
                }

                @Override
                public boolean isClient() {
                    return client;
                }

                @Override
                public boolean isOwned() {
                    return true;
                }

                @Override
                public void release() {
                    if (released.compareAndSet(false, true)) {
                        InstanceRegistry.this.release(Shared.this);
                    }
                }
            };
        }
    }

    private record Borrowed(HazelcastInstance instance) implements InstanceHandle {
        @Override
        public boolean isClient() {
            return instance instanceof com.hazelcast.client.impl.clientside.HazelcastClientProxy;
        }

        @Override
        public boolean isOwned() {
            return false;
        }

        @Override
        public void release() {}
    }
}
