package io.datamint.domain.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.domain.model.account.Account;
import io.datamint.domain.model.account.AccountRepository;
import io.datamint.domain.model.account.Identity;
import io.datamint.domain.model.account.Role;
import io.datamint.domain.model.chain.WalletKey;
import io.datamint.domain.model.chain.WalletKeyFactory;
import io.datamint.domain.model.shared.KeyWrapper;
import io.datamint.domain.model.shared.WalletAddress;
import io.datamint.domain.model.shared.WrappedKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccountServiceTest {

  private final InMemoryAccounts accounts = new InMemoryAccounts();
  private final CountingKeyFactory keys = new CountingKeyFactory();
  private final XorWrapper sealer = new XorWrapper();
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);
  private final AccountService service = new AccountService(accounts, keys, sealer, clock);

  private final Identity alice =
      new Identity("sub-1", "alice", "Alice A", "alice@example.org", Set.of(Role.CONTRIBUTOR));

  @Test
  void firstSignInCreatesAnAccountWithAWrappedWallet() throws Exception {
    Account account = service.signIn(alice);

    assertThat(account.username()).isEqualTo("alice");
    assertThat(account.roles()).containsExactly(Role.CONTRIBUTOR);
    assertThat(account.wallet().address()).isEqualTo(keys.last.address());
    byte[] wrapped = account.wallet().wrappedKey().ciphertext();
    assertThat(wrapped).isNotEqualTo(keys.last.privateKey());
    assertThat(sealer.unwrap(account.wallet().wrappedKey(), AccountService.walletContext(alice)))
        .isEqualTo(keys.last.privateKey());
  }

  @Test
  void laterSignInsKeepTheWalletAndRefreshNamesAndRoles() {
    Account first = service.signIn(alice);
    Identity renamed =
        new Identity("sub-1", "alice2", null, null, Set.of(Role.CONTRIBUTOR, Role.ADMIN));

    Account again = service.signIn(renamed);

    assertThat(keys.created).isEqualTo(1);
    assertThat(again.wallet().address()).isEqualTo(first.wallet().address());
    assertThat(again.username()).isEqualTo("alice2");
    assertThat(again.displayName()).isEqualTo("alice2");
    assertThat(again.roles()).containsExactlyInAnyOrder(Role.CONTRIBUTOR, Role.ADMIN);
  }

  @Test
  void aWalletKeyWrappedForOnePersonDoesNotUnwrapForAnother() {
    Account account = service.signIn(alice);
    Identity mallory = new Identity("sub-2", "mallory", null, null, Set.of());

    assertThatThrownBy(
            () ->
                sealer.unwrap(account.wallet().wrappedKey(), AccountService.walletContext(mallory)))
        .isInstanceOf(GeneralSecurityException.class);
  }

  @Test
  void anIdentityCannotTakeOverAnotherAccount() {
    Account account = service.signIn(alice);
    Identity other = new Identity("sub-2", "alice", null, null, Set.of());

    assertThatThrownBy(() -> account.recordSignIn(other, clock.instant()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** Test double for the repository port. */
  private static final class InMemoryAccounts implements AccountRepository {
    private final List<Account> stored = new ArrayList<>();

    @Override
    public Optional<Account> findBySubject(String subject) {
      return stored.stream().filter(a -> a.subject().equals(subject)).findFirst();
    }

    @Override
    public List<Account> findAllByLastSignIn(int limit) {
      return stored.stream()
          .sorted(Comparator.comparing(Account::lastSignInAt).reversed())
          .limit(limit)
          .toList();
    }

    @Override
    public void add(Account account) {
      stored.add(account);
    }
  }

  /** Deterministic keys: the n-th key is n repeated. */
  private static final class CountingKeyFactory implements WalletKeyFactory {
    int created;
    WalletKey last;

    @Override
    public WalletKey create() {
      created++;
      byte[] key = new byte[32];
      java.util.Arrays.fill(key, (byte) created);
      last = restore(key);
      return last;
    }

    @Override
    public WalletKey restore(byte[] privateKey) {
      String hex = HexFormat.of().formatHex(privateKey).substring(0, 40);
      return new WalletKey(WalletAddress.of("0x" + hex), privateKey);
    }
  }

  /** Not encryption: just enough to tell wrapped from plain and to bind the context. */
  private static final class XorWrapper implements KeyWrapper {
    @Override
    public WrappedKey wrap(byte[] secret, String context) {
      byte[] ctx = context.getBytes(StandardCharsets.UTF_8);
      byte[] out = new byte[secret.length + ctx.length];
      for (int i = 0; i < secret.length; i++) {
        out[i] = (byte) (secret[i] ^ 0x5a);
      }
      System.arraycopy(ctx, 0, out, secret.length, ctx.length);
      return new WrappedKey("test", out);
    }

    @Override
    public byte[] unwrap(WrappedKey sealed, String context) throws GeneralSecurityException {
      byte[] in = sealed.ciphertext();
      byte[] ctx = context.getBytes(StandardCharsets.UTF_8);
      int n = in.length - ctx.length;
      if (n <= 0 || !new String(in, n, ctx.length, StandardCharsets.UTF_8).equals(context)) {
        throw new GeneralSecurityException("wrapped for another context");
      }
      byte[] out = new byte[n];
      for (int i = 0; i < n; i++) {
        out[i] = (byte) (in[i] ^ 0x5a);
      }
      return out;
    }
  }
}
