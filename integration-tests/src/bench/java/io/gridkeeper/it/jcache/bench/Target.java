package io.gridkeeper.it.jcache.bench;

import com.hazelcast.cache.HazelcastCachingProvider;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.gridkeeper.jcache.configuration.ProviderProperties;
import io.gridkeeper.jcache.GridkeeperCachingProvider;
import java.io.Serializable;
import java.net.URI;
import java.util.Map;
import java.util.Properties;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.processor.EntryProcessor;
import javax.cache.processor.MutableEntry;

/** One implementation under test: Gridkeeper's JCache, Hazelcast's JCache, or the raw IMap. */
interface Target {

    int KEYS = 10_000;

    Integer get(Integer key);

    void put(Integer key, Integer value);

    Integer getAndPut(Integer key, Integer value);

    boolean replace(Integer key, Integer value);

    Integer increment(Integer key);

    /** The target of this implementation and mode, created and filled with {@link #KEYS} entries once per JVM. */
    static Target of(String implementation, String mode, String name) {
        return Targets.ALL.computeIfAbsent(name, key -> create(implementation, mode, name));
    }

    private static Target create(String implementation, String mode, String name) {
        HazelcastInstance instance = BenchCluster.get().entryPoint(mode);
        Target target =
                switch (implementation) {
                    case "gridkeeper" -> gridkeeper(instance, name, false);
                    case "gridkeeper-near" -> gridkeeper(instance, name, true);
                    case "gridkeeper-local" -> {
                        if (!name.startsWith(BenchCluster.LOCAL_REPLICA_MAPS.replace("*", ""))) {
                            throw new IllegalArgumentException("a gridkeeper-local cache must match ["
                                    + BenchCluster.LOCAL_REPLICA_MAPS + "] but was [" + name + "]");
                        }
                        yield gridkeeper(instance, name, false);
                    }
                    case "hazelcast" -> hazelcast(instance, mode, name);
                    case "imap" -> new MapTarget(instance.getMap(name));
                    default -> throw new IllegalArgumentException("unknown implementation [" + implementation + "]");
                };
        for (int i = 0; i < KEYS; i++) {
            target.put(i, i);
        }
        return target;
    }

    private static Target gridkeeper(HazelcastInstance instance, String name, boolean nearCache) {
        Properties properties = new Properties();
        properties.put(ProviderProperties.INSTANCE_ITSELF, instance);
        properties.setProperty(ProviderProperties.NEAR_CACHE, Boolean.toString(nearCache));
        CacheManager manager = Caching.getCachingProvider(GridkeeperCachingProvider.class.getName())
                .getCacheManager(URI.create("gridkeeper:bench-" + name), Target.class.getClassLoader(), properties);
        return new CacheTarget(manager.createCache(name, new MutableConfiguration<Integer, Integer>()));
    }

    private static Target hazelcast(HazelcastInstance instance, String mode, String name) {
        String provider = "member".equals(mode)
                ? "com.hazelcast.cache.HazelcastMemberCachingProvider"
                : "com.hazelcast.client.cache.HazelcastClientCachingProvider";
        CacheManager manager = Caching.getCachingProvider(provider)
                .getCacheManager(
                        URI.create("hazelcast-bench-" + name),
                        Target.class.getClassLoader(),
                        HazelcastCachingProvider.propertiesByInstanceItself(instance));
        return new CacheTarget(manager.createCache(name, new MutableConfiguration<Integer, Integer>()));
    }

    /** The targets created so far. */
    final class Targets {
        static final Map<String, Target> ALL = new java.util.concurrent.ConcurrentHashMap<>();

        private Targets() {}
    }

    /** Adds one to the value. */
    final class Increment implements EntryProcessor<Integer, Integer, Integer>, Serializable {
        @Override
        public Integer process(MutableEntry<Integer, Integer> entry, Object... arguments) {
            int next = entry.exists() ? entry.getValue() + 1 : 1;
            entry.setValue(next);
            return next;
        }
    }

    /** Adds one to the value, as a Hazelcast entry processor. */
    final class MapIncrement implements com.hazelcast.map.EntryProcessor<Integer, Integer, Integer> {
        @Override
        public Integer process(Map.Entry<Integer, Integer> entry) {
            int next = entry.getValue() == null ? 1 : entry.getValue() + 1;
            entry.setValue(next);
            return next;
        }
    }

    record CacheTarget(Cache<Integer, Integer> cache) implements Target {
        private static final Increment INCREMENT = new Increment();

        @Override
        public Integer get(Integer key) {
            return cache.get(key);
        }

        @Override
        public void put(Integer key, Integer value) {
            cache.put(key, value);
        }

        @Override
        public Integer getAndPut(Integer key, Integer value) {
            return cache.getAndPut(key, value);
        }

        @Override
        public boolean replace(Integer key, Integer value) {
            return cache.replace(key, value);
        }

        @Override
        public Integer increment(Integer key) {
            return cache.invoke(key, INCREMENT);
        }
    }

    record MapTarget(IMap<Integer, Integer> map) implements Target {
        private static final MapIncrement INCREMENT = new MapIncrement();

        @Override
        public Integer get(Integer key) {
            return map.get(key);
        }

        @Override
        public void put(Integer key, Integer value) {
            map.set(key, value);
        }

        @Override
        public Integer getAndPut(Integer key, Integer value) {
            return map.put(key, value);
        }

        @Override
        public boolean replace(Integer key, Integer value) {
            return map.replace(key, value) != null;
        }

        @Override
        public Integer increment(Integer key) {
            return map.executeOnKey(key, INCREMENT);
        }
    }
}
