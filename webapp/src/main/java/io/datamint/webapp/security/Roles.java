package io.datamint.webapp.security;

/**
 * Role names as compile-time constants for {@code @RolesAllowed}; they must equal {@link
 * io.datamint.domain.model.account.Role#groupName()}.
 */
public final class Roles {

  public static final String CONTRIBUTOR = "contributor";
  public static final String LABELER = "labeler";
  public static final String BUYER = "buyer";
  public static final String ADMIN = "admin";

  private Roles() {}
}
