package io.gridkeeper.it.jcache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serial;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Bad input through the JCache API of a client (the common deployment): huge values, values that cannot be
 * serialized or deserialized, nulls, wrong types and closed caches. The caller sees the spec's exceptions only (a
 * {@link CacheException} for what the cluster rejects, never a Hazelcast type), and the cache stays usable.
 */
final class JCacheBadInputTest {

    @RegisterExtension
    static final JCacheCluster cluster = JCacheCluster.perClass(1);

    private static CacheManager client;

    @BeforeAll
    static void openClientManager() {
        client = cluster.cacheManager(cluster.client());
    }

    @Test
    void put_twentyMegabyteValueThroughClient_isStoredAndTheCacheStaysUsable() {
        Cache<String, byte[]> cache = client.createCache("huge", new MutableConfiguration<String, byte[]>());
        byte[] huge = new byte[20 * 1024 * 1024];
        Arrays.fill(huge, (byte) 7);

        cache.put("huge", huge);

        assertThat(cache.get("huge")).hasSize(huge.length).isEqualTo(huge);
        cache.put("small", new byte[] {1});
        assertThat(cache.get("small")).containsExactly(1);
        assertThat(cache.remove("huge")).isTrue();
    }

    @Test
    void put_valueThatFailsToSerialize_cacheExceptionAndCacheStaysUsable() {
        Cache<String, Object> cache = client.createCache("unserializable", new MutableConfiguration<>());

        assertThatThrownBy(() -> cache.put("k", new FailsToSerialize()))
                .isExactlyInstanceOf(CacheException.class)
                .hasMessageContaining("unserializable");
        assertThatThrownBy(() -> cache.put("k", new Object()))
                .isExactlyInstanceOf(CacheException.class)
                .hasMessageContaining("unserializable");
        assertThatThrownBy(() -> cache.putAll(Map.of("a", "fine", "b", new FailsToSerialize())))
                .isExactlyInstanceOf(CacheException.class);

        cache.put("k", "fine");
        assertThat(cache.get("k")).isEqualTo("fine");
    }

    @Test
    void get_valueThatFailsToDeserialize_cacheExceptionAndOtherKeysStillReadable() {
        Cache<String, Object> cache = client.createCache("undeserializable", new MutableConfiguration<>());
        cache.put("bad", new FailsToDeserialize());
        cache.put("good", "fine");

        assertThatThrownBy(() -> cache.get("bad")).isExactlyInstanceOf(CacheException.class);
        assertThatThrownBy(() -> cache.getAll(Set.of("bad", "good"))).isExactlyInstanceOf(CacheException.class);

        assertThat(cache.get("good")).isEqualTo("fine");
        assertThat(cache.containsKey("bad")).isTrue();
        // remove(K) reads the old value back for removal events and statistics, so it reports the failure too;
        // the entry is gone all the same and the cache is consistent
        assertThatThrownBy(() -> cache.remove("bad")).isExactlyInstanceOf(CacheException.class);
        assertThat(cache.containsKey("bad")).isFalse();
        cache.put("bad", "replaced");
        assertThat(cache.get("bad")).isEqualTo("replaced");
    }

    @Test
    void typedCache_nullsWrongTypesAndClosedCache_specExceptions() {
        Cache<String, String> cache = client.createCache(
                "typed", new MutableConfiguration<String, String>().setTypes(String.class, String.class));
        @SuppressWarnings({"unchecked", "rawtypes"})
        Cache<Object, Object> raw = (Cache) cache;

        assertThatThrownBy(() -> cache.put(null, "v")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> cache.put("k", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> cache.get(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> cache.getAll(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> raw.put(42, "v")).isInstanceOf(ClassCastException.class);
        assertThatThrownBy(() -> raw.put("k", 42)).isInstanceOf(ClassCastException.class);
        assertThatThrownBy(() -> client.getCache("typed", Integer.class, String.class))
                .isInstanceOf(ClassCastException.class);

        cache.close();

        assertThatThrownBy(() -> cache.put("k", "v")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cache.get("k")).isInstanceOf(IllegalStateException.class);
        Cache<String, String> reopened = client.getCache("typed", String.class, String.class);
        reopened.put("k", "v");
        assertThat(reopened.get("k")).isEqualTo("v");
    }

    /** Its serialization fails half-way, as with a field that cannot be written. */
    private static final class FailsToSerialize implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        @Serial
        private void writeObject(ObjectOutputStream out) throws IOException {
            throw new IOException("refuses to be written");
        }
    }

    /** Written fine, but can never be read back (a class that changed incompatibly). */
    private static final class FailsToDeserialize implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        @Serial
        private void readObject(ObjectInputStream in) throws IOException {
            throw new IOException("refuses to be read");
        }
    }
}
