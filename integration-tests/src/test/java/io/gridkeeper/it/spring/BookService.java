package io.gridkeeper.it.spring;

import org.springframework.cache.annotation.CacheEvict;
import org.springframework.cache.annotation.CachePut;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;

/** Spring's caching annotations over the Gridkeeper caches {@code books} and {@code authors}. */
@Service
class BookService {

    private final Computations computations;

    BookService(Computations computations) {
        this.computations = computations;
    }

    @Cacheable("books")
    public String title(String isbn) {
        return "title of " + isbn + " (" + computations.record() + ")";
    }

    @CachePut(cacheNames = "books", key = "#p0") // #p0: no -parameters needed
    public String rename(String isbn, String title) {
        return title;
    }

    @CacheEvict("books")
    public void forget(String isbn) {}

    /** {@code sync = true}: Spring calls {@code Cache.invoke} with an entry processor that is not serializable. */
    @Cacheable(cacheNames = "authors", sync = true)
    public String author(String id) {
        return "author " + id + " (" + computations.record() + ")";
    }
}
