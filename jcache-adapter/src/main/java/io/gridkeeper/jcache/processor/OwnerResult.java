package io.gridkeeper.jcache.processor;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.DataSerializable;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * What a processor run on the partition owner did, sent back to the caller for events, statistics and the result.
 * The old and new values travel only when the caller asked for them (it has listeners).
 */
public final class OwnerResult<V, T> implements DataSerializable {

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
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeByte(action.ordinal());
        out.writeBoolean(existed);
        out.writeObject(original);
        out.writeObject(value);
        out.writeObject(result);
        out.writeObject(failure);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        action = EntryAction.values()[in.readByte()];
        existed = in.readBoolean();
        original = in.readObject();
        value = in.readObject();
        result = in.readObject();
        failure = in.readObject();
    }
}
