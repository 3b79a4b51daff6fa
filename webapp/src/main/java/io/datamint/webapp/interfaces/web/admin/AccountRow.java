package io.datamint.webapp.interfaces.web.admin;

import io.datamint.domain.model.account.Account;
import io.datamint.domain.model.account.Role;
import java.time.Instant;
import java.util.stream.Collectors;

/** One line of the accounts grid. */
public record AccountRow(
    String username, String displayName, String roles, String wallet, Instant lastSignIn) {

  public static AccountRow of(Account account) {
    return new AccountRow(
        account.username(),
        account.displayName(),
        account.roles().stream().map(Role::groupName).sorted().collect(Collectors.joining(", ")),
        account.wallet().address().value(),
        account.lastSignInAt());
  }
}
