package io.gridkeeper.it.jcache;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import javax.cache.integration.CacheLoader;

/** Loads {@code loaded-<key>}: a read-through loader of the cluster tests, a class of this JVM like the members. */
public final class PrefixLoader implements CacheLoader<String, String>, Serializable {

    @Override
    public String load(String key) {
        return "loaded-" + key;
    }

    @Override
    public Map<String, String> loadAll(Iterable<? extends String> keys) {
        Map<String, String> loaded = new HashMap<>();
        keys.forEach(key -> loaded.put(key, load(key)));
        return loaded;
    }
}
