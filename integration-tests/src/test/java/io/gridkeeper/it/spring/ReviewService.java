package io.gridkeeper.it.spring;

import javax.cache.annotation.CacheKey;
import javax.cache.annotation.CachePut;
import javax.cache.annotation.CacheRemove;
import javax.cache.annotation.CacheRemoveAll;
import javax.cache.annotation.CacheResult;
import javax.cache.annotation.CacheValue;
import org.springframework.stereotype.Service;

/** The JSR-107 annotations, run by Spring's JCache support, over the Gridkeeper cache {@code reviews}. */
@Service
class ReviewService {

    private final Computations computations;

    ReviewService(Computations computations) {
        this.computations = computations;
    }

    @CacheResult(cacheName = "reviews")
    public String review(String isbn) {
        return "no review of " + isbn + " yet (" + computations.record() + ")";
    }

    @CachePut(cacheName = "reviews")
    public void write(@CacheKey String isbn, @CacheValue String text) {}

    @CacheRemove(cacheName = "reviews")
    public void remove(String isbn) {}

    @CacheRemoveAll(cacheName = "reviews")
    public void removeAll() {}
}
