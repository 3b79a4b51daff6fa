package io.datamint.domain.model.account;

import java.util.Locale;
import java.util.Optional;

/**
 * What a person may do on the marketplace. The names are the identity provider's realm roles, which
 * reach the application in the token's {@code groups} claim.
 */
public enum Role {
  CONTRIBUTOR,
  LABELER,
  BUYER,
  ADMIN;

  /** The role's name as the identity provider and {@code isUserInRole} spell it. */
  public String groupName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The role for a group name, if the group is one of ours; other groups are ignored. */
  public static Optional<Role> fromGroupName(String group) {
    if (group == null) {
      return Optional.empty();
    }
    for (Role role : values()) {
      if (role.groupName().equals(group.trim().toLowerCase(Locale.ROOT))) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }
}
