package io.datamint.domain.model.account;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A person known to the marketplace, created the first time they sign in. The identity provider
 * owns names and roles; the account keeps the last copy it saw (so admins can list people who are
 * offline) and the custodial wallet that the platform holds for them.
 */
@Entity
@Table(name = "account")
public class Account {

  @Id private UUID id;

  @Column(nullable = false, unique = true, updatable = false)
  private String subject;

  @Column(nullable = false)
  private String username;

  @Column(name = "display_name", nullable = false)
  private String displayName;

  private String email;

  /** Comma-separated role names, as last seen in a token. */
  @Column(nullable = false)
  private String roles;

  @Embedded private CustodialWallet wallet;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "last_sign_in_at", nullable = false)
  private Instant lastSignInAt;

  @Version private long version;

  protected Account() {
    // for JPA
  }

  public Account(Identity identity, CustodialWallet wallet, Instant now) {
    Objects.requireNonNull(identity, "identity must not be null");
    this.wallet = Objects.requireNonNull(wallet, "wallet must not be null");
    Objects.requireNonNull(now, "time must not be null");
    this.id = UUID.randomUUID();
    this.subject = identity.subject();
    this.createdAt = now;
    copyFrom(identity, now);
  }

  /** Remembers what the identity provider says about the person now. */
  public void recordSignIn(Identity identity, Instant now) {
    Objects.requireNonNull(identity, "identity must not be null");
    Objects.requireNonNull(now, "time must not be null");
    if (!subject.equals(identity.subject())) {
      throw new IllegalArgumentException("identity belongs to another account");
    }
    copyFrom(identity, now);
  }

  private void copyFrom(Identity identity, Instant now) {
    this.username = identity.username();
    this.displayName = identity.displayName();
    this.email = identity.email();
    this.roles =
        identity.roles().stream().map(Role::groupName).sorted().collect(Collectors.joining(","));
    this.lastSignInAt = now;
  }

  public UUID id() {
    return id;
  }

  public String subject() {
    return subject;
  }

  public String username() {
    return username;
  }

  public String displayName() {
    return displayName;
  }

  public String email() {
    return email;
  }

  public Set<Role> roles() {
    Set<Role> result = EnumSet.noneOf(Role.class);
    if (!roles.isEmpty()) {
      Arrays.stream(roles.split(","))
          .map(Role::fromGroupName)
          .flatMap(java.util.Optional::stream)
          .forEach(result::add);
    }
    return result;
  }

  public CustodialWallet wallet() {
    return wallet;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant lastSignInAt() {
    return lastSignInAt;
  }
}
