/**
 * The {@code gridkeeper} command line (picocli): one class per subcommand, registered in {@link
 * io.gridkeeper.cli.GridkeeperCommand}. Commands print; errors are one line on stderr with a non-zero exit code.
 */
@NullMarked
package io.gridkeeper.cli;

import org.jspecify.annotations.NullMarked;
