package io.gridkeeper.jcache;

import com.hazelcast.client.HazelcastClientNotActiveException;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import javax.cache.CacheException;
import javax.cache.configuration.CompleteConfiguration;

/**
 * The argument and state checks of one cache view, and the translation of Hazelcast's exceptions into the
 * specification's: a stopped instance is a closed cache, any other Hazelcast failure a {@link CacheException}.
 */
final class CacheGuard<K, V> {

    private final String name;
    private final Class<K> keyType;
    private final Class<V> valueType;
    private final BooleanSupplier closed;

    CacheGuard(String name, CompleteConfiguration<K, V> configuration, BooleanSupplier closed) {
        this.name = name;
        this.keyType = configuration.getKeyType();
        this.valueType = configuration.getValueType();
        this.closed = closed;
    }

    void ensureOpen() {
        if (closed.getAsBoolean()) {
            throw new IllegalStateException("Cache " + name + " is closed");
        }
    }

    /** Checks that the cache is open and the key is not null and of the configured type. */
    void checkKey(K key) {
        ensureOpen();
        checkType(key, "key", keyType);
    }

    /** Checks that the cache is open and the key and value are not null and of the configured types. */
    void checkEntry(K key, V value) {
        checkKey(key);
        checkValue(value);
    }

    void checkValue(V value) {
        checkType(value, "value", valueType);
    }

    private void checkType(Object object, String what, Class<?> type) {
        Objects.requireNonNull(object, what);
        if (type != Object.class && !type.isInstance(object)) {
            throw new ClassCastException("Cache " + name + " has " + what + " type [" + type.getName() + "] but the "
                    + what + " is a [" + object.getClass().getName() + "]");
        }
    }

    RuntimeException translate(RuntimeException e) {
        if (e instanceof HazelcastInstanceNotActiveException || e instanceof HazelcastClientNotActiveException) {
            return new IllegalStateException("Cache " + name + " is closed: its Hazelcast instance is not running", e);
        }
        if (e.getClass().getName().startsWith("com.hazelcast.")) {
            return new CacheException("Cache " + name + ": " + e.getMessage(), e);
        }
        return e;
    }
}
