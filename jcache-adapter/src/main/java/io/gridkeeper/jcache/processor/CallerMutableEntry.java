package io.gridkeeper.jcache.processor;

import java.util.Objects;
import java.util.function.Function;
import javax.cache.processor.MutableEntry;
import org.jspecify.annotations.Nullable;

/**
 * The entry an {@link javax.cache.processor.EntryProcessor} sees when it runs in the caller, under the key's lock.
 *
 * <p>Changes are recorded and applied by the cache once the processor returns; {@link #action()} tells which.
 */
public final class CallerMutableEntry<K, V> implements MutableEntry<K, V> {

    private final K key;
    private final @Nullable V original;
    private final @Nullable Function<K, @Nullable V> loader;
    private @Nullable V value;
    private EntryAction action = EntryAction.NONE;

    /**
     * @param original the value before the processor ran, or null when absent
     * @param loader reads a value through when the entry is absent and read-through is on, else null
     */
    public CallerMutableEntry(K key, @Nullable V original, @Nullable Function<K, @Nullable V> loader) {
        this.key = key;
        this.original = original;
        this.value = original;
        this.loader = loader;
    }

    @Override
    public K getKey() {
        return key;
    }

    @Override
    public @Nullable V getValue() {
        if (value == null && action == EntryAction.NONE && original == null && loader != null) {
            V loaded = loader.apply(key);
            if (loaded != null) {
                value = loaded;
                action = EntryAction.LOADED;
            }
        }
        return value;
    }

    @Override
    public boolean exists() {
        return value != null;
    }

    @Override
    public void remove() {
        // removing a value this processor created leaves nothing to do; otherwise the writer deletes the key
        action = action == EntryAction.CREATED ? EntryAction.NONE : EntryAction.REMOVED;
        value = null;
    }

    @Override
    public void setValue(V newValue) {
        Objects.requireNonNull(newValue, "value");
        value = newValue;
        action = original == null ? EntryAction.CREATED : EntryAction.UPDATED;
    }

    /** The change to apply. */
    public EntryAction action() {
        return action;
    }

    /** The value to store for {@link EntryAction#CREATED}, {@link EntryAction#UPDATED} and {@link EntryAction#LOADED}. */
    public @Nullable V value() {
        return value;
    }

    /** The value before the processor ran. */
    public @Nullable V original() {
        return original;
    }

    @Override
    public <T> T unwrap(Class<T> clazz) {
        if (clazz.isInstance(this)) {
            return clazz.cast(this);
        }
        throw new IllegalArgumentException("Cannot unwrap a mutable entry to [" + clazz.getName() + "]");
    }
}
