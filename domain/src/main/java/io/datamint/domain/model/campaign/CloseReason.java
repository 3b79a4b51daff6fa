package io.datamint.domain.model.campaign;

/** Why a campaign was closed. */
public enum CloseReason {
  /** The owner closed it. */
  BY_OWNER,
  /** An admin closed it (moderation). */
  BY_ADMIN,
  /** Its deadline passed. */
  DEADLINE_PASSED
}
