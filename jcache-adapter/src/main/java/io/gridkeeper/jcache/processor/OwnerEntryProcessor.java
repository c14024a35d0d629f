package io.gridkeeper.jcache.processor;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import java.io.IOException;
import java.io.Serializable;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Runs a serializable JSR-107 {@link javax.cache.processor.EntryProcessor} on the partition owner of its key, as one
 * Hazelcast entry processor: atomic per key, one round trip. Backups receive the resulting value, never a second run
 * of the processor. Old and new values travel back only when the caller needs them for listeners. Travels as
 * {@link com.hazelcast.nio.serialization.IdentifiedDataSerializable} ({@link ProcessorSerializerHook}); the user's
 * processor inside it as {@link ProcessorForm} decides (serialized once when stateless).
 */
public final class OwnerEntryProcessor<K, V, T>
        implements EntryProcessor<K, V, OwnerResult<V, T>>, IdentifiedDataSerializable {

    private javax.cache.processor.@Nullable EntryProcessor<K, V, T> processor;
    private static final Object[] NO_ARGUMENTS = new Object[0];

    private Object[] arguments = NO_ARGUMENTS;
    private boolean withValues;
    private transient @Nullable EntryAction applied;
    private transient @Nullable V appliedValue;

    /** For deserialization. */
    public OwnerEntryProcessor() {}

    /**
     * @param withValues whether the caller needs the old and new values (it has listeners)
     */
    public OwnerEntryProcessor(
            javax.cache.processor.EntryProcessor<K, V, T> processor, Object[] arguments, boolean withValues) {
        this.processor = processor;
        this.arguments = arguments;
        this.withValues = withValues;
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
            return new OwnerResult<>(EntryAction.NONE, original != null, null, null, null, e);
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
        return withValues
                ? new OwnerResult<>(action, original != null, original, mutable.value(), result, null)
                : new OwnerResult<>(action, original != null, null, null, result, null);
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

    @Override
    public int getFactoryId() {
        return ProcessorSerializerHook.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return ProcessorSerializerHook.OWNER_ENTRY_PROCESSOR;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        ProcessorForm.write(out, processor);
        out.writeBoolean(withValues);
        out.writeInt(arguments.length);
        for (Object argument : arguments) {
            out.writeObject(argument);
        }
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        processor = ProcessorForm.read(in);
        withValues = in.readBoolean();
        int count = in.readInt();
        arguments = count == 0 ? NO_ARGUMENTS : new Object[count];
        for (int i = 0; i < arguments.length; i++) {
            arguments[i] = in.readObject();
        }
    }

    /** Applies the owner's outcome on a backup replica. */
    public static final class BackupWrite<K, V, T>
            implements EntryProcessor<K, V, OwnerResult<V, T>>, IdentifiedDataSerializable {
        private @Nullable V value;

        /** For deserialization. */
        public BackupWrite() {}

        BackupWrite(@Nullable V value) {
            this.value = value;
        }

        @Override
        public @Nullable OwnerResult<V, T> process(Map.Entry<K, V> entry) {
            entry.setValue(value);
            return null;
        }

        @Override
        public int getFactoryId() {
            return ProcessorSerializerHook.FACTORY_ID;
        }

        @Override
        public int getClassId() {
            return ProcessorSerializerHook.BACKUP_WRITE;
        }

        @Override
        public void writeData(ObjectDataOutput out) throws IOException {
            out.writeObject(value);
        }

        @Override
        public void readData(ObjectDataInput in) throws IOException {
            value = in.readObject();
        }
    }
}
