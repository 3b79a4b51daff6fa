package io.datamint.webapp.security;

import io.datamint.domain.application.AccountService;
import io.datamint.domain.model.account.Account;
import io.datamint.domain.model.account.Identity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * The signed-in caller's account, created on first contact. Two first requests of the same person
 * can race (the browser's callback and a parallel API call): the loser of the insert finds the
 * winner's account instead of failing.
 */
@RequestScoped
public class CurrentAccount {

  @Inject CallerIdentity caller;
  @Inject AccountService accounts;

  private Account account;

  /** Records a sign-in: refreshes names and roles, creates the account and wallet if new. */
  public Account signIn() {
    Identity identity = caller.require();
    try {
      account = accounts.signIn(identity);
    } catch (RuntimeException raced) {
      account = accounts.find(identity.subject()).orElseThrow(() -> raced);
    }
    return account;
  }

  /** The caller's account, created if this is their first request. */
  public Account get() {
    if (account == null) {
      Identity identity = caller.require();
      account = accounts.find(identity.subject()).orElseGet(this::signIn);
    }
    return account;
  }
}
