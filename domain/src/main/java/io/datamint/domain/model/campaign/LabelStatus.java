package io.datamint.domain.model.campaign;

/** The fate of a submitted label; validation (flow 3) moves it on from PENDING. */
public enum LabelStatus {
  PENDING,
  ACCEPTED,
  REJECTED
}
