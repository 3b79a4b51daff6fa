package io.datamint.domain.model.campaign;

/** How many labels of the label set one answer holds. */
public enum LabelMode {
  /** Exactly one label per answer. */
  SINGLE,
  /** One or more labels per answer. */
  MULTI
}
