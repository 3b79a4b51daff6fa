package io.datamint.webapp.interfaces.web.profile;

import io.datamint.domain.model.account.Account;
import io.datamint.domain.model.account.Role;
import java.time.Instant;
import java.util.List;

/** What the profile page shows; the wallet's key is deliberately not part of it. */
public record ProfileModel(
    String displayName,
    String username,
    String email,
    List<String> roles,
    String walletAddress,
    Instant memberSince) {

  public static ProfileModel of(Account account) {
    return new ProfileModel(
        account.displayName(),
        account.username(),
        account.email(),
        account.roles().stream().map(Role::groupName).sorted().toList(),
        account.wallet().address().value(),
        account.createdAt());
  }
}
