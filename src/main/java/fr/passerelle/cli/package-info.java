/**
 * The command line: {@code java -jar passerelle.jar import companies FILE [options]} runs an import
 * without the web server ({@link fr.passerelle.cli.CommandLine}), on the application's own database.
 */
@NullMarked
package fr.passerelle.cli;

import org.jspecify.annotations.NullMarked;
