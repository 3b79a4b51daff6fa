package io.datamint.pipeline.inspect;

import io.datamint.domain.model.dataset.ContentHash;
import io.datamint.domain.model.dataset.RejectionCode;
import io.datamint.pipeline.read.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * One pass over the raw bytes: the SHA-256 of the whole file and, for text formats, a strict UTF-8
 * check that names the line of the first bad byte (decoders only say "malformed input").
 */
final class FileScan {

  private FileScan() {}

  static ContentHash scan(Path file, boolean text) throws IOException, BadInputException {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
    byte[] buf = new byte[1 << 16];
    Utf8Check utf8 = text ? new Utf8Check() : null;
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      boolean first = true;
      while ((n = in.read(buf)) > 0) {
        sha.update(buf, 0, n);
        if (utf8 != null) {
          if (first && n >= 2) {
            int b0 = buf[0] & 0xff;
            int b1 = buf[1] & 0xff;
            if ((b0 == 0xFE && b1 == 0xFF) || (b0 == 0xFF && b1 == 0xFE)) {
              throw BadInputException.at(
                  RejectionCode.WRONG_TEXT_ENCODING,
                  "line 1",
                  "the file is UTF-16 encoded; save it as UTF-8");
            }
          }
          utf8.feed(buf, n);
        }
        first = false;
      }
    }
    if (utf8 != null) {
      utf8.end();
    }
    return ContentHash.ofDigest(sha.digest());
  }

  /** A UTF-8 validator (RFC 3629: no overlongs, no surrogates, at most U+10FFFF). */
  static final class Utf8Check {
    private long line = 1;
    private long offset;
    private int need;
    private int lower = 0x80;
    private int upper = 0xBF;

    void feed(byte[] b, int n) throws BadInputException {
      for (int i = 0; i < n; i++, offset++) {
        int c = b[i] & 0xff;
        if (need == 0) {
          if (c < 0x80) {
            if (c == '\n') {
              line++;
            } else if (c == 0) {
              throw bad("a NUL byte: this is not a text file");
            }
            continue;
          }
          if (c >= 0xC2 && c <= 0xDF) {
            need = 1;
          } else if (c >= 0xE0 && c <= 0xEF) {
            need = 2;
            lower = c == 0xE0 ? 0xA0 : 0x80;
            upper = c == 0xED ? 0x9F : 0xBF;
          } else if (c >= 0xF0 && c <= 0xF4) {
            need = 3;
            lower = c == 0xF0 ? 0x90 : 0x80;
            upper = c == 0xF4 ? 0x8F : 0xBF;
          } else {
            throw bad(c);
          }
        } else {
          if (c < lower || c > upper) {
            throw bad(c);
          }
          lower = 0x80;
          upper = 0xBF;
          need--;
        }
      }
    }

    void end() throws BadInputException {
      if (need != 0) {
        throw bad("the file ends in the middle of a UTF-8 character");
      }
    }

    private BadInputException bad(int c) {
      return bad(
          String.format(
              "byte 0x%02X at offset %d is not valid UTF-8 (Latin-1 or Windows-1252?); save the"
                  + " file as UTF-8",
              c, offset));
    }

    private BadInputException bad(String why) {
      return BadInputException.at(RejectionCode.WRONG_TEXT_ENCODING, "line " + line, why);
    }
  }
}
