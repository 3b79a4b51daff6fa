package io.datamint.validation.cli;

import java.nio.file.Path;

/** A problem in an input file, with the line where it was found (1 = the header). */
public final class CsvInputException extends Exception {

  private final Path file;
  private final long line;
  private final String problem;

  public CsvInputException(Path file, long line, String problem) {
    super(file + ": line " + line + ": " + problem);
    this.file = file;
    this.line = line;
    this.problem = problem;
  }

  public Path file() {
    return file;
  }

  public long line() {
    return line;
  }

  /**
   * What is wrong, without the file's path: the web application names the upload instead of the
   * temporary file it was spooled to.
   */
  public String problem() {
    return problem;
  }
}
