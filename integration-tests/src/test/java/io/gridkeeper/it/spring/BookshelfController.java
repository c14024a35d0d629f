package io.gridkeeper.it.spring;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The HTTP face of the bookshelf: plain-text bodies. */
@RestController
class BookshelfController {

    private final BookService books;
    private final ReviewService reviews;
    private final Computations computations;

    BookshelfController(BookService books, ReviewService reviews, Computations computations) {
        this.books = books;
        this.reviews = reviews;
        this.computations = computations;
    }

    @GetMapping(path = "/books/{isbn}", produces = MediaType.TEXT_PLAIN_VALUE)
    String book(@PathVariable("isbn") String isbn) {
        return books.title(isbn);
    }

    @PutMapping(path = "/books/{isbn}", produces = MediaType.TEXT_PLAIN_VALUE)
    String rename(@PathVariable("isbn") String isbn, @RequestBody String title) {
        return books.rename(isbn, title);
    }

    @DeleteMapping("/books/{isbn}")
    void forget(@PathVariable("isbn") String isbn) {
        books.forget(isbn);
    }

    @GetMapping(path = "/authors/{id}", produces = MediaType.TEXT_PLAIN_VALUE)
    String author(@PathVariable("id") String id) {
        return books.author(id);
    }

    @GetMapping(path = "/reviews/{isbn}", produces = MediaType.TEXT_PLAIN_VALUE)
    String review(@PathVariable("isbn") String isbn) {
        return reviews.review(isbn);
    }

    @PutMapping("/reviews/{isbn}")
    void writeReview(@PathVariable("isbn") String isbn, @RequestBody String text) {
        reviews.write(isbn, text);
    }

    @DeleteMapping("/reviews/{isbn}")
    void removeReview(@PathVariable("isbn") String isbn) {
        reviews.remove(isbn);
    }

    @DeleteMapping("/reviews")
    void removeAllReviews() {
        reviews.removeAll();
    }

    @GetMapping(path = "/computations", produces = MediaType.TEXT_PLAIN_VALUE)
    String computations() {
        return Integer.toString(computations.count());
    }
}
