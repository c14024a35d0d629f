package io.gridkeeper.it.jcache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.map.IMap;
import java.io.Serializable;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.integration.CacheLoader;
import javax.cache.integration.CacheLoaderException;
import javax.cache.integration.CacheWriter;
import javax.cache.integration.CacheWriterException;
import javax.cache.integration.CompletionListenerFuture;
import javax.cache.processor.EntryProcessor;
import javax.cache.processor.EntryProcessorResult;
import javax.cache.processor.MutableEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Read-through and write-through on a 2-member cluster: the keys of every test lie in partitions owned by both members,
 * the cache is configured through one member and used through the other. Loaders and writers are classes of this test
 * JVM, which runs both members.
 */
final class ClusterLoaderWriterTest {

    @RegisterExtension
    static final JCacheCluster cluster = JCacheCluster.perClass(2);

    @Test
    void loadAll_keysOnBothMembers_storesEveryValueAndCompletes() throws Exception {
        first().createCache("load-all", loading(PrefixLoader.class));
        List<String> keys = cluster.keysOwnedByEveryMember("load-", 3);
        CompletionListenerFuture done = new CompletionListenerFuture();

        second().<String, String>getCache("load-all").loadAll(new HashSet<>(keys), false, done);

        done.get(30, TimeUnit.SECONDS);
        IMap<String, String> map = cluster.member(0).getMap("load-all");
        for (String key : keys) {
            assertThat(map.get(key)).isEqualTo("loaded-" + key);
        }
    }

    @Test
    void loadAll_replaceExistingValues_onlyWhenAsked() throws Exception {
        Cache<String, String> cache = first().createCache("load-replace", loading(PrefixLoader.class));
        List<String> keys = cluster.keysOwnedByEveryMember("replace-", 2);
        keys.forEach(key -> cache.put(key, "old"));
        Cache<String, String> other = second().getCache("load-replace");

        CompletionListenerFuture keeping = new CompletionListenerFuture();
        other.loadAll(new HashSet<>(keys), false, keeping);
        keeping.get(30, TimeUnit.SECONDS);
        assertThat(cache.getAll(new HashSet<>(keys)).values()).containsOnly("old");

        CompletionListenerFuture replacing = new CompletionListenerFuture();
        other.loadAll(new HashSet<>(keys), true, replacing);
        replacing.get(30, TimeUnit.SECONDS);
        for (String key : keys) {
            assertThat(cache.get(key)).isEqualTo("loaded-" + key);
        }
    }

    @Test
    void loadAll_failingLoader_reportsCacheLoaderExceptionAndStoresNothing() {
        first().createCache("load-failing", loading(FailingLoader.class));
        List<String> keys = cluster.keysOwnedByEveryMember("failing-", 2);
        CompletionListenerFuture done = new CompletionListenerFuture();

        second().<String, String>getCache("load-failing").loadAll(new HashSet<>(keys), false, done);

        assertThatThrownBy(() -> done.get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(CacheLoaderException.class);
        assertThat(cluster.member(0).getMap("load-failing").size()).isZero();
    }

    @Test
    void invokeAll_readThroughOnBothMembersKeys_loadsInsideTheProcessorAndStores() {
        Cache<String, String> cache = first().createCache(
                        "invoke-read-through", loading(PrefixLoader.class).setReadThrough(true));
        List<String> keys = cluster.keysOwnedByEveryMember("invoke-", 2);
        cache.put(keys.get(0), "present");

        Map<String, EntryProcessorResult<String>> results = second().<String, String>getCache("invoke-read-through")
                .invokeAll(new HashSet<>(keys), new AppendBang());

        IMap<String, String> map = cluster.member(0).getMap("invoke-read-through");
        assertThat(results.get(keys.get(0)).get()).isEqualTo("present");
        assertThat(map.get(keys.get(0))).isEqualTo("present!");
        for (String key : keys.subList(1, keys.size())) {
            assertThat(results.get(key).get()).isEqualTo("loaded-" + key);
            assertThat(map.get(key)).isEqualTo("loaded-" + key + "!");
        }
    }

    @Test
    void putAll_writerAcceptsSomeEntries_storesExactlyTheWrittenOnes() {
        first().createCache("write-all-partial", writing(AcceptingWriter.class));
        List<String> accepted = cluster.keysOwnedByEveryMember("ok-putall-", 2);
        List<String> rejected = cluster.keysOwnedByEveryMember("no-putall-", 2);
        Map<String, String> entries = new LinkedHashMap<>();
        accepted.forEach(key -> entries.put(key, "value"));
        rejected.forEach(key -> entries.put(key, "value"));

        assertThatThrownBy(() ->
                        second().<String, String>getCache("write-all-partial").putAll(entries))
                .isInstanceOf(CacheWriterException.class);

        Cache<String, String> view = first().getCache("write-all-partial");
        accepted.forEach(key -> assertThat(view.get(key)).as(key).isEqualTo("value"));
        rejected.forEach(key -> assertThat(view.containsKey(key)).as(key).isFalse());
        assertThat(AcceptingWriter.STORE).containsKeys(accepted.toArray(String[]::new));
        assertThat(AcceptingWriter.STORE).doesNotContainKeys(rejected.toArray(String[]::new));
    }

    @Test
    void removeAll_writerDeletesSomeKeys_removesExactlyTheDeletedOnes() {
        first().createCache("delete-all-partial", writing(AcceptingWriter.class));
        List<String> accepted = cluster.keysOwnedByEveryMember("ok-removeall-", 2);
        List<String> rejected = cluster.keysOwnedByEveryMember("no-removeall-", 2);
        // stored around the writer, as another application would
        IMap<String, String> map = cluster.member(0).getMap("delete-all-partial");
        accepted.forEach(key -> map.put(key, "value"));
        rejected.forEach(key -> map.put(key, "value"));
        Set<String> keys = new HashSet<>(accepted);
        keys.addAll(rejected);

        assertThatThrownBy(() ->
                        second().<String, String>getCache("delete-all-partial").removeAll(keys))
                .isInstanceOf(CacheWriterException.class);

        accepted.forEach(key -> assertThat(map.containsKey(key)).as(key).isFalse());
        rejected.forEach(key -> assertThat(map.get(key)).as(key).isEqualTo("value"));
    }

    @Test
    void remove_failingWriter_leavesTheEntryOnEveryMember() {
        Cache<String, String> cache = first().createCache("remove-failing", writing(AcceptingWriter.class));
        String key = cluster.keysOwnedByEveryMember("no-remove-", 1).get(1);
        cluster.member(0).getMap("remove-failing").put(key, "value");

        assertThatThrownBy(() ->
                        second().<String, String>getCache("remove-failing").remove(key))
                .isInstanceOf(CacheWriterException.class);

        assertThat(cache.get(key)).isEqualTo("value");
    }

    private static CacheManager first() {
        return cluster.manager(0);
    }

    private static CacheManager second() {
        return cluster.manager(1);
    }

    private static MutableConfiguration<String, String> loading(Class<? extends CacheLoader<String, String>> loader) {
        return new MutableConfiguration<String, String>()
                .setTypes(String.class, String.class)
                .setCacheLoaderFactory(FactoryBuilder.factoryOf(loader));
    }

    private static MutableConfiguration<String, String> writing(
            Class<? extends CacheWriter<? super String, ? super String>> writer) {
        return new MutableConfiguration<String, String>()
                .setTypes(String.class, String.class)
                .setWriteThrough(true)
                .setCacheWriterFactory(FactoryBuilder.factoryOf(writer));
    }

    /** A loader whose back end is down. */
    public static final class FailingLoader implements CacheLoader<String, String>, Serializable {
        @Override
        public String load(String key) {
            throw new IllegalStateException("back end down, cannot load " + key);
        }

        @Override
        public Map<String, String> loadAll(Iterable<? extends String> keys) {
            throw new IllegalStateException("back end down, cannot load " + keys);
        }
    }

    /**
     * Writes and deletes keys starting with {@code ok-} into {@link #STORE} and rejects the others: their entries stay
     * in the collections handed to {@code writeAll}/{@code deleteAll}, as the specification asks.
     */
    public static final class AcceptingWriter implements CacheWriter<String, String>, Serializable {
        static final Map<String, String> STORE = new ConcurrentHashMap<>();

        @Override
        public void write(Cache.Entry<? extends String, ? extends String> entry) {
            if (!entry.getKey().startsWith("ok-")) {
                throw new CacheWriterException("rejected " + entry.getKey());
            }
            STORE.put(entry.getKey(), entry.getValue());
        }

        @Override
        public void writeAll(Collection<Cache.Entry<? extends String, ? extends String>> entries) {
            for (Iterator<Cache.Entry<? extends String, ? extends String>> it = entries.iterator(); it.hasNext(); ) {
                Cache.Entry<? extends String, ? extends String> entry = it.next();
                if (entry.getKey().startsWith("ok-")) {
                    STORE.put(entry.getKey(), entry.getValue());
                    it.remove();
                }
            }
            if (!entries.isEmpty()) {
                throw new CacheWriterException("rejected " + entries.size() + " entries");
            }
        }

        @Override
        public void delete(Object key) {
            if (!key.toString().startsWith("ok-")) {
                throw new CacheWriterException("rejected " + key);
            }
            STORE.remove(key.toString());
        }

        @Override
        public void deleteAll(Collection<?> keys) {
            keys.removeIf(key -> {
                boolean accepted = key.toString().startsWith("ok-");
                if (accepted) {
                    STORE.remove(key.toString());
                }
                return accepted;
            });
            if (!keys.isEmpty()) {
                throw new CacheWriterException("rejected " + keys);
            }
        }
    }

    /** Appends {@code !} to the value (read through when absent) and returns the value it saw. */
    static final class AppendBang implements EntryProcessor<String, String, String>, Serializable {
        @Override
        public String process(MutableEntry<String, String> entry, Object... arguments) {
            String value = entry.getValue();
            entry.setValue(value + "!");
            return value;
        }
    }
}
