package io.datamint.domain.model.account;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Who the identity provider says the caller is, whichever way they signed in (browser session or
 * bearer token). The subject is the provider's stable id; the username can change.
 */
public record Identity(
    String subject, String username, String displayName, String email, Set<Role> roles) {

  public Identity {
    requireText(subject, "subject");
    requireText(username, "username");
    displayName = displayName == null || displayName.isBlank() ? username : displayName.trim();
    email = email == null || email.isBlank() ? null : email.trim();
    Objects.requireNonNull(roles, "roles must not be null");
    roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
