package io.gridkeeper.jcache.processor;

import javax.cache.processor.EntryProcessorException;
import javax.cache.processor.EntryProcessorResult;
import org.jspecify.annotations.Nullable;

/** The two kinds of {@link EntryProcessorResult}: a value, or the failure {@code get()} rethrows. */
public final class EntryProcessorResults {

    private EntryProcessorResults() {}

    /** A successful result. */
    public static <T> EntryProcessorResult<T> of(@Nullable T value) {
        return () -> value;
    }

    /** A failed result. */
    public static <T> EntryProcessorResult<T> failed(EntryProcessorException failure) {
        return () -> {
            throw failure;
        };
    }
}
