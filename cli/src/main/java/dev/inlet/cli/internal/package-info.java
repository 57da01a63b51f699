/** The commands of the {@code inlet} command line (picocli); not an API. */
package dev.inlet.cli.internal;
