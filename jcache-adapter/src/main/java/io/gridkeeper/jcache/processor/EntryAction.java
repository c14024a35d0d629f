package io.gridkeeper.jcache.processor;

/** What an entry processor did to its entry. */
public enum EntryAction {
    /** Nothing changed. */
    NONE,
    /** A value was read through the loader and is to be stored without the writer. */
    LOADED,
    /** A value was set on an absent entry. */
    CREATED,
    /** A value was set on a present entry. */
    UPDATED,
    /** The present entry was removed. */
    REMOVED
}
