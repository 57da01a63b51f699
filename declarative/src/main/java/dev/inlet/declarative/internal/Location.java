package dev.inlet.declarative.internal;

/**
 * <b>Internal.</b> Where a value stands in a definition file: the file's name and the 1-based line and
 * column of the value's first character.
 *
 * @param file the file name the definition was loaded from
 * @param line 1-based line
 * @param column 1-based column
 */
public record Location(String file, int line, int column) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
