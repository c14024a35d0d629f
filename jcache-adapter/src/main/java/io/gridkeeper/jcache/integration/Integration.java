package io.gridkeeper.jcache.integration;

import java.util.Collection;
import java.util.Map;
import javax.cache.Cache;
import javax.cache.integration.CacheLoader;
import javax.cache.integration.CacheLoaderException;
import javax.cache.integration.CacheWriter;
import javax.cache.integration.CacheWriterException;
import org.jspecify.annotations.Nullable;

/** Calls loaders and writers, wrapping their failures in the specification's exceptions. */
public final class Integration {

    private Integration() {}

    /** Loads one value; a failure becomes {@link CacheLoaderException}. */
    public static <K, V> @Nullable V load(CacheLoader<K, V> loader, K key) {
        try {
            return loader.load(key);
        } catch (CacheLoaderException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new CacheLoaderException("Loader failed to load key [" + key + "]", e);
        }
    }

    /** Loads several values; a failure becomes {@link CacheLoaderException}. */
    public static <K, V> Map<K, V> loadAll(CacheLoader<K, V> loader, Iterable<? extends K> keys) {
        try {
            Map<K, V> loaded = loader.loadAll(keys);
            return loaded == null ? Map.of() : loaded;
        } catch (CacheLoaderException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new CacheLoaderException("Loader failed to load keys", e);
        }
    }

    /** Writes one entry; a failure becomes {@link CacheWriterException}. */
    public static <K, V> void write(CacheWriter<? super K, ? super V> writer, Cache.Entry<K, V> entry) {
        try {
            writer.write(entry);
        } catch (CacheWriterException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new CacheWriterException("Writer failed to write key [" + entry.getKey() + "]", e);
        }
    }

    /** Writes entries; those left in the collection were not written. A failure becomes CacheWriterException. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <K, V> void writeAll(
            CacheWriter<? super K, ? super V> writer, Collection<Cache.Entry<K, V>> entries) {
        try {
            writer.writeAll((Collection) entries);
        } catch (CacheWriterException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new CacheWriterException("Writer failed to write entries", e);
        }
    }

    /** Deletes one key; a failure becomes {@link CacheWriterException}. */
    public static <K> void delete(CacheWriter<? super K, ?> writer, K key) {
        try {
            writer.delete(key);
        } catch (CacheWriterException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new CacheWriterException("Writer failed to delete key [" + key + "]", e);
        }
    }

    /** Deletes keys; those left in the collection were not deleted. A failure becomes CacheWriterException. */
    public static <K> void deleteAll(CacheWriter<? super K, ?> writer, Collection<K> keys) {
        try {
            writer.deleteAll(keys);
        } catch (CacheWriterException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new CacheWriterException("Writer failed to delete keys", e);
        }
    }
}
