package io.datamint.domain.model.account;

import java.util.List;
import java.util.Optional;

/** Where accounts live. Implemented with JPA in the web application. */
public interface AccountRepository {

  Optional<Account> findBySubject(String subject);

  /** Every account, most recently active first. */
  List<Account> findAllByLastSignIn(int limit);

  void add(Account account);
}
