package io.datamint.domain.model.dataset;

/**
 * Why a dataset version was rejected. Each code has a message for the contributor and, where it
 * makes sense, a location (a line, a JSON element, an archive entry) in {@link RejectionReason}.
 */
public enum RejectionCode {
  EMPTY_FILE,
  TOO_LARGE,
  UNSUPPORTED_FORMAT,
  /** The bytes are not what the file name says (e.g. a PNG called data.csv). */
  CONTENT_CONTRADICTS_EXTENSION,
  WRONG_TEXT_ENCODING,
  MALFORMED_CSV,
  MALFORMED_JSON,
  CORRUPT_ARCHIVE,
  /** Too many entries, too much expanded data or too high a compression ratio. */
  ARCHIVE_BOMB,
  /** An entry named with {@code ..}, an absolute path, or a link. */
  UNSAFE_ARCHIVE_ENTRY,
  UNDECODABLE_IMAGE,
  /** Encryption or IPFS failed; the upload itself may be fine and can be retried. */
  STORAGE_FAILED,
  /** An admin rejected the version in review. */
  REJECTED_IN_REVIEW
}
