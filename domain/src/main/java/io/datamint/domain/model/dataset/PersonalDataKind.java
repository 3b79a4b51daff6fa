package io.datamint.domain.model.dataset;

/** Kinds of personal data the inspection looks for before anything is published. */
public enum PersonalDataKind {
  EMAIL_ADDRESS,
  PHONE_NUMBER,
  /** A number that passes the Luhn check and has a card issuer's length. */
  PAYMENT_CARD,
  /** An IBAN whose mod-97 check holds. */
  IBAN,
  /** A GPS position in an image's EXIF metadata (where a photo was taken). */
  GEOLOCATION
}
