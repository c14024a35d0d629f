package io.gridkeeper.jcache.processor;

import com.hazelcast.map.EntryProcessor;
import java.io.Serializable;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Runs a serializable JSR-107 {@link javax.cache.processor.EntryProcessor} on the partition owner of its key, as one
 * Hazelcast entry processor: atomic per key, one round trip. Backups receive the resulting value, never a second run
 * of the processor.
 */
public final class OwnerEntryProcessor<K, V, T> implements EntryProcessor<K, V, OwnerResult<V, T>> {

    private static final long serialVersionUID = 1L;

    private final javax.cache.processor.EntryProcessor<K, V, T> processor;
    private final Object[] arguments;
    private transient @Nullable EntryAction applied;
    private transient @Nullable V appliedValue;

    public OwnerEntryProcessor(javax.cache.processor.EntryProcessor<K, V, T> processor, Object[] arguments) {
        this.processor = processor;
        this.arguments = arguments;
    }

    /** Whether a processor and its arguments can travel to the partition owner. */
    public static boolean canRunOnOwner(Object processor, Object[] arguments) {
        if (!(processor instanceof Serializable)) {
            return false;
        }
        for (Object argument : arguments) {
            if (argument != null && !(argument instanceof Serializable)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public OwnerResult<V, T> process(Map.Entry<K, V> entry) {
        V original = entry.getValue();
        CallerMutableEntry<K, V> mutable = new CallerMutableEntry<>(entry.getKey(), original, null);
        T result;
        try {
            result = processor.process(mutable, arguments);
        } catch (Exception e) {
            return new OwnerResult<>(EntryAction.NONE, original, original, null, e);
        }
        EntryAction action = mutable.action();
        switch (action) {
            case CREATED, UPDATED -> entry.setValue(mutable.value());
            case REMOVED -> {
                if (original != null) {
                    entry.setValue(null);
                }
            }
            default -> {
                // nothing to store
            }
        }
        applied = action;
        appliedValue = mutable.value();
        return new OwnerResult<>(action, original, mutable.value(), result, null);
    }

    @Override
    public @Nullable EntryProcessor<K, V, OwnerResult<V, T>> getBackupProcessor() {
        if (applied == EntryAction.CREATED || applied == EntryAction.UPDATED) {
            return new BackupWrite<>(appliedValue);
        }
        if (applied == EntryAction.REMOVED) {
            return new BackupWrite<>(null);
        }
        return null;
    }

    /** Applies the owner's outcome on a backup replica. */
    private static final class BackupWrite<K, V, T> implements EntryProcessor<K, V, OwnerResult<V, T>> {
        private static final long serialVersionUID = 1L;
        private final @Nullable V value;

        BackupWrite(@Nullable V value) {
            this.value = value;
        }

        @Override
        public @Nullable OwnerResult<V, T> process(Map.Entry<K, V> entry) {
            entry.setValue(value);
            return null;
        }
    }
}
