package io.gridkeeper.jcache.integration;

import io.gridkeeper.jcache.GridkeeperEntry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.cache.Cache;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.integration.CacheLoader;
import javax.cache.integration.CacheWriter;
import javax.cache.integration.CacheWriterException;
import org.jspecify.annotations.Nullable;

/**
 * The loader and writer of one cache view: read-through and write-through as the configuration asks, no-ops where it
 * does not, failures wrapped in the specification's exceptions. Thread-safe as far as the loader and writer are.
 */
public final class CacheIntegration<K, V> {

    private final @Nullable CacheLoader<K, V> loader;
    private final @Nullable CacheWriter<? super K, ? super V> writer;
    private final boolean readThrough;

    public CacheIntegration(CompleteConfiguration<K, V> configuration) {
        this.loader = configuration.getCacheLoaderFactory() == null
                ? null
                : configuration.getCacheLoaderFactory().create();
        this.writer = configuration.isWriteThrough() && configuration.getCacheWriterFactory() != null
                ? configuration.getCacheWriterFactory().create()
                : null;
        this.readThrough = configuration.isReadThrough() && loader != null;
    }

    /** Whether there is a loader ({@code loadAll} uses it even without read-through). */
    public boolean hasLoader() {
        return loader != null;
    }

    /** Whether reads of absent entries go to the loader. */
    public boolean readsThrough() {
        return readThrough;
    }

    /** Whether changes go to a writer. */
    public boolean writesThrough() {
        return writer != null;
    }

    /** Reads one value through, or returns null when read-through is off or the loader has none. */
    public @Nullable V readThrough(K key) {
        return readThrough ? Integration.load(loader, key) : null;
    }

    /** What an entry processor calls to read through, or null when read-through is off. */
    public @Nullable Function<K, @Nullable V> readThroughFunction() {
        return readThrough ? this::readThrough : null;
    }

    /** Loads several values through the loader (which must exist). */
    public Map<K, V> loadAll(Collection<K> keys) {
        return Integration.loadAll(loader, keys);
    }

    /** Writes one entry through; nothing without a writer. */
    public void write(K key, V value) {
        if (writer != null) {
            Integration.write(writer, new GridkeeperEntry<>(key, value));
        }
    }

    /** Deletes one key through; nothing without a writer. */
    public void delete(K key) {
        if (writer != null) {
            Integration.delete(writer, key);
        }
    }

    /**
     * Writes entries through, removing from {@code entries} those the writer did not write; returns the writer's
     * failure (to be thrown once the written ones are stored), or null.
     */
    public @Nullable CacheWriterException writeAll(Map<K, V> entries) {
        if (writer == null || entries.isEmpty()) {
            return null;
        }
        List<Cache.Entry<K, V>> pending = new ArrayList<>(entries.size());
        entries.forEach((key, value) -> pending.add(new GridkeeperEntry<>(key, value)));
        try {
            Integration.writeAll(writer, pending);
            return null;
        } catch (CacheWriterException e) {
            for (Cache.Entry<K, V> notWritten : pending) {
                entries.remove(notWritten.getKey());
            }
            return e;
        }
    }

    /**
     * Deletes keys through, removing from {@code keys} those the writer did not delete; returns the writer's failure
     * (to be thrown once the deleted ones are removed), or null.
     */
    public @Nullable CacheWriterException deleteAll(List<K> keys) {
        if (writer == null || keys.isEmpty()) {
            return null;
        }
        List<K> pending = new ArrayList<>(keys);
        try {
            Integration.deleteAll(writer, pending);
            return null;
        } catch (CacheWriterException e) {
            keys.removeAll(new HashSet<>(pending));
            return e;
        }
    }

    /** Closes the loader and writer when they are {@link AutoCloseable}. */
    public void close() {
        Closeables.closeQuietly(loader);
        Closeables.closeQuietly(writer);
    }
}
