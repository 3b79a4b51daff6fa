package io.datamint.validation.cli;

import java.nio.file.Path;

/** A problem in an input file, with the line where it was found (1 = the header). */
public final class CsvInputException extends Exception {

  private final Path file;
  private final long line;

  public CsvInputException(Path file, long line, String problem) {
    super(file + ": line " + line + ": " + problem);
    this.file = file;
    this.line = line;
  }

  public Path file() {
    return file;
  }

  public long line() {
    return line;
  }
}
