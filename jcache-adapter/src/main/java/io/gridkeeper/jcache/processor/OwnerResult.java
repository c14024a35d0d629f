package io.gridkeeper.jcache.processor;

import java.io.Serializable;
import org.jspecify.annotations.Nullable;

/**
 * What a processor run on the partition owner did, sent back to the caller for events, statistics and the result.
 *
 * @param action the change applied to the entry
 * @param original the value before, or null when absent
 * @param value the value after (for created and updated entries)
 * @param result the processor's result
 * @param failure what the processor threw, or null
 */
public record OwnerResult<V, T>(
        EntryAction action,
        @Nullable V original,
        @Nullable V value,
        @Nullable T result,
        @Nullable Throwable failure) implements Serializable {}
