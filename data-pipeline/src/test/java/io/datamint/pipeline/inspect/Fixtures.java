package io.datamint.pipeline.inspect;

import java.net.URISyntaxException;
import java.nio.file.Path;

final class Fixtures {

  private Fixtures() {}

  static Path fixture(String name) {
    try {
      return Path.of(Fixtures.class.getResource("/fixtures/" + name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalArgumentException("no fixture " + name, e);
    }
  }
}
