package io.gridkeeper.jcache.processor;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * What a processor run on the partition owner did, sent back to the caller for events, statistics and the result.
 * The old and new values travel only when the caller asked for them (it has listeners).
 */
public final class OwnerResult<V, T> implements IdentifiedDataSerializable {

    private static final EntryAction[] ACTIONS = EntryAction.values();
    private static final int ACTION_MASK = 0x7;
    private static final int EXISTED = 1 << 3;
    private static final int HAS_ORIGINAL = 1 << 4;
    private static final int HAS_VALUE = 1 << 5;
    private static final int HAS_RESULT = 1 << 6;
    private static final int HAS_FAILURE = 1 << 7;

    private EntryAction action = EntryAction.NONE;
    private boolean existed;
    private @Nullable V original;
    private @Nullable V value;
    private @Nullable T result;
    private @Nullable Throwable failure;

    /** For deserialization. */
    public OwnerResult() {}

    OwnerResult(
            EntryAction action,
            boolean existed,
            @Nullable V original,
            @Nullable V value,
            @Nullable T result,
            @Nullable Throwable failure) {
        this.action = action;
        this.existed = existed;
        this.original = original;
        this.value = value;
        this.result = result;
        this.failure = failure;
    }

    /** The change applied to the entry. */
    public EntryAction action() {
        return action;
    }

    /** Whether the entry existed before. */
    public boolean existed() {
        return existed;
    }

    /** The value before (only when values were asked for). */
    public @Nullable V original() {
        return original;
    }

    /** The value after (only when values were asked for). */
    public @Nullable V value() {
        return value;
    }

    /** The processor's result. */
    public @Nullable T result() {
        return result;
    }

    /** What the processor threw, or null. */
    public @Nullable Throwable failure() {
        return failure;
    }

    @Override
    public int getFactoryId() {
        return ProcessorSerializerHook.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return ProcessorSerializerHook.OWNER_RESULT;
    }

    /** One byte of flags (the action, whether the entry existed, which objects follow), then only those objects. */
    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        int flags = action.ordinal()
                | (existed ? EXISTED : 0)
                | (original != null ? HAS_ORIGINAL : 0)
                | (value != null ? HAS_VALUE : 0)
                | (result != null ? HAS_RESULT : 0)
                | (failure != null ? HAS_FAILURE : 0);
        out.writeByte(flags);
        writeIf(out, original);
        writeIf(out, value);
        writeIf(out, result);
        writeIf(out, failure);
    }

    private static void writeIf(ObjectDataOutput out, @Nullable Object object) throws IOException {
        if (object != null) {
            out.writeObject(object);
        }
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        int flags = in.readByte() & 0xFF;
        action = ACTIONS[flags & ACTION_MASK];
        existed = (flags & EXISTED) != 0;
        original = (flags & HAS_ORIGINAL) != 0 ? in.readObject() : null;
        value = (flags & HAS_VALUE) != 0 ? in.readObject() : null;
        result = (flags & HAS_RESULT) != 0 ? in.readObject() : null;
        failure = (flags & HAS_FAILURE) != 0 ? in.readObject() : null;
    }
}
