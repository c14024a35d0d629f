/**
 * The framework-neutral part of the example apps ("bookshelf") shared by the Spring and Micronaut packages: the HTTP
 * face every app instance has ({@link io.gridkeeper.it.apps.BookshelfApp}), the computation counter their services
 * share ({@link io.gridkeeper.it.apps.ComputationCounter}) and a data member for the apps in client mode ({@link
 * io.gridkeeper.it.apps.DataMember}). Nothing here references Spring or Micronaut: both surefire executions
 * ({@code frameworks-spring}, {@code frameworks-micronaut}) load it with only their own framework on the class path.
 */
@NullMarked
package io.gridkeeper.it.apps;

import org.jspecify.annotations.NullMarked;
