package io.gridkeeper.it.micronaut;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;

/** The HTTP face of the bookshelf: plain-text bodies. */
@Controller
class BookshelfController {

    private final BookService books;
    private final Computations computations;

    BookshelfController(BookService books, Computations computations) {
        this.books = books;
        this.computations = computations;
    }

    @Get(uri = "/books/{isbn}", produces = MediaType.TEXT_PLAIN)
    String book(String isbn) {
        return books.title(isbn);
    }

    @Put(uri = "/books/{isbn}", consumes = MediaType.TEXT_PLAIN, produces = MediaType.TEXT_PLAIN)
    String rename(String isbn, @Body String title) {
        return books.rename(isbn, title);
    }

    @Delete("/books/{isbn}")
    void forget(String isbn) {
        books.forget(isbn);
    }

    @Get(uri = "/authors/{id}", produces = MediaType.TEXT_PLAIN)
    String author(String id) {
        return books.author(id);
    }

    @Get(uri = "/ratings/{isbn}", produces = MediaType.TEXT_PLAIN)
    String rating(String isbn) {
        return books.rating(isbn);
    }

    @Get(uri = "/prices/{isbn}", produces = MediaType.TEXT_PLAIN)
    String price(String isbn) {
        return books.price(isbn);
    }

    @Get(uri = "/computations", produces = MediaType.TEXT_PLAIN)
    String computations() {
        return Integer.toString(computations.count());
    }
}
