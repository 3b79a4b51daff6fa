package io.datamint.webapp.infrastructure.persistence;

import io.datamint.domain.model.account.Account;
import io.datamint.domain.model.account.AccountRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Accounts in PostgreSQL through JPA. */
@ApplicationScoped
public class JpaAccountRepository implements AccountRepository {

  @PersistenceContext(unitName = "datamint")
  EntityManager em;

  @Override
  public Optional<Account> findBySubject(String subject) {
    return em.createQuery("select a from Account a where a.subject = :subject", Account.class)
        .setParameter("subject", subject)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<Account> findAllByLastSignIn(int limit) {
    return em.createQuery("select a from Account a order by a.lastSignInAt desc", Account.class)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public void add(Account account) {
    em.persist(account);
  }
}
