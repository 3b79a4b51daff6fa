package io.datamint.domain.application;

import io.datamint.domain.model.account.Account;
import io.datamint.domain.model.account.AccountRepository;
import io.datamint.domain.model.account.CustodialWallet;
import io.datamint.domain.model.account.Identity;
import io.datamint.domain.model.chain.WalletKey;
import io.datamint.domain.model.chain.WalletKeyFactory;
import io.datamint.domain.model.shared.KeyWrapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Use cases around accounts. Signing in is the moment an account and its custodial wallet come to
 * exist: people never fill in a registration form, the identity provider vouches for them.
 */
@ApplicationScoped
@Transactional
public class AccountService {

  private static final Logger LOG = Logger.getLogger(AccountService.class.getName());

  private AccountRepository accounts;
  private WalletKeyFactory walletKeys;
  private KeyWrapper keyWrapper;
  private Clock clock;

  protected AccountService() {
    // for CDI proxies
  }

  @Inject
  public AccountService(
      AccountRepository accounts, WalletKeyFactory walletKeys, KeyWrapper keyWrapper, Clock clock) {
    this.accounts = accounts;
    this.walletKeys = walletKeys;
    this.keyWrapper = keyWrapper;
    this.clock = clock;
  }

  /**
   * The account of the person who just proved who they are, created with a fresh custodial wallet
   * on their first sign-in. Calling it again only refreshes what the provider says about them.
   */
  public Account signIn(Identity identity) {
    Optional<Account> known = accounts.findBySubject(identity.subject());
    if (known.isPresent()) {
      known.get().recordSignIn(identity, clock.instant());
      return known.get();
    }
    Account account = new Account(identity, newWallet(identity), clock.instant());
    accounts.add(account);
    LOG.info(
        () ->
            "created account "
                + account.id()
                + " for "
                + identity.username()
                + " with wallet "
                + account.wallet().address());
    return account;
  }

  public Optional<Account> find(String subject) {
    return accounts.findBySubject(subject);
  }

  public List<Account> recentAccounts(int limit) {
    return accounts.findAllByLastSignIn(limit);
  }

  private CustodialWallet newWallet(Identity identity) {
    WalletKey key = walletKeys.create();
    byte[] privateKey = key.privateKey();
    try {
      return new CustodialWallet(
          key.address(), keyWrapper.wrap(privateKey, walletContext(identity)));
    } finally {
      Arrays.fill(privateKey, (byte) 0);
    }
  }

  /** Binds a wrapped wallet key to its owner: a key copied to another account will not unwrap. */
  public static String walletContext(Identity identity) {
    return "wallet:" + identity.subject();
  }
}
