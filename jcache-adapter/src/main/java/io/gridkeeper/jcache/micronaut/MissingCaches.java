package io.gridkeeper.jcache.micronaut;

/** What the cache manager does when the application asks for a cache that is neither configured nor known. */
public enum MissingCaches {
    /** Fail with a message naming the cache and the setting that allows it (the default). */
    REJECT,
    /** Create the cache with the defaults of {@code gridkeeper.jcache} (eternal, statistics as configured). */
    CREATE
}
