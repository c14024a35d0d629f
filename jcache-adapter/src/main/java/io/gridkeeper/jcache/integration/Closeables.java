package io.gridkeeper.jcache.integration;

import org.jspecify.annotations.Nullable;

/** Closes what the specification says a cache closes (loaders, writers, expiry policies, listeners). */
public final class Closeables {

    private Closeables() {}

    /** Closes the object when it is {@link AutoCloseable}; failures are dropped, an interrupt is kept. */
    public static void closeQuietly(@Nullable Object resource) {
        if (resource instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
