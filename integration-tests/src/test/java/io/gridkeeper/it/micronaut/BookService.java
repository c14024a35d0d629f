package io.gridkeeper.it.micronaut;

import io.micronaut.cache.annotation.CacheInvalidate;
import io.micronaut.cache.annotation.CachePut;
import io.micronaut.cache.annotation.Cacheable;
import jakarta.inject.Singleton;

/**
 * Micronaut's caching annotations over Gridkeeper caches: {@code books} and {@code authors} are listed in
 * {@code application-bookshelf.yml}; {@code ratings} and {@code prices} are not (created on demand or rejected,
 * as {@code gridkeeper.jcache.missing-caches} says).
 */
@Singleton
class BookService {

    private final Computations computations;

    BookService(Computations computations) {
        this.computations = computations;
    }

    @Cacheable("books")
    public String title(String isbn) {
        return "title of " + isbn + " (" + computations.record() + ")";
    }

    @CachePut(value = "books", parameters = "isbn")
    public String rename(String isbn, String title) {
        return title;
    }

    @CacheInvalidate("books")
    public void forget(String isbn) {}

    @Cacheable("authors")
    public String author(String id) {
        return "author " + id + " (" + computations.record() + ")";
    }

    @Cacheable("ratings")
    public String rating(String isbn) {
        return "rating of " + isbn + " (" + computations.record() + ")";
    }

    @Cacheable("prices")
    public String price(String isbn) {
        return "price of " + isbn + " (" + computations.record() + ")";
    }
}
