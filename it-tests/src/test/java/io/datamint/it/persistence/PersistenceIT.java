package io.datamint.it.persistence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datamint.domain.application.AccountService;
import io.datamint.domain.model.account.Account;
import io.datamint.domain.model.account.Identity;
import io.datamint.domain.model.account.Role;
import io.datamint.domain.model.chain.WalletKeyFactory;
import io.datamint.domain.model.shared.KeyWrapper;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The real WAR on Payara Micro against the real PostgreSQL of the local stack: migrations ran at
 * start, and an account written through the application services reads back intact.
 */
@ExtendWith(ArquillianExtension.class)
class PersistenceIT {

  @Deployment
  static WebArchive war() {
    File file = new File(System.getProperty("datamint.war"));
    WebArchive war = ShrinkWrap.createFromZipFile(WebArchive.class, file);
    return war.addClass(PersistenceIT.class).setWebXML(withOpenTestRunner(war));
  }

  /**
   * The product's web.xml protects every path; Arquillian's test runner servlet must stay reachable
   * without signing in, so it gets an exact-path constraint of its own (exact paths win).
   */
  private static StringAsset withOpenTestRunner(WebArchive war) {
    try (InputStream in = war.get("WEB-INF/web.xml").getAsset().openStream()) {
      String webXml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      String open =
          "<security-constraint><web-resource-collection>"
              + "<web-resource-name>arquillian</web-resource-name>"
              + "<url-pattern>/ArquillianServletRunnerEE9</url-pattern>"
              + "</web-resource-collection></security-constraint>";
      return new StringAsset(webXml.replace("</web-app>", open + "</web-app>"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Inject AccountService accounts;
  @Inject KeyWrapper keyWrapper;
  @Inject WalletKeyFactory walletKeys;

  @Resource(lookup = "java:app/jdbc/datamint")
  DataSource dataSource;

  @Test
  void theAccountMigrationWasAppliedAtStart() throws Exception {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "select success from flyway_schema_history where version = '1'");
        ResultSet row = query.executeQuery()) {
      assertTrue(row.next(), "migration V1 is recorded in flyway_schema_history");
      assertTrue(row.getBoolean(1), "migration V1 succeeded");
    }
  }

  @Test
  void anAccountCreatedAtFirstSignInIsReadBackWithItsWrappedWallet() throws Exception {
    String subject = "it-" + UUID.randomUUID();
    Identity identity =
        new Identity(subject, "it-user", "IT User", "it@example.org", Set.of(Role.LABELER));

    Account created = accounts.signIn(identity);
    Account readBack = accounts.find(subject).orElseThrow();

    assertEquals(created.id(), readBack.id());
    assertEquals("it-user", readBack.username());
    assertEquals(Set.of(Role.LABELER), readBack.roles());
    assertEquals(created.wallet().address(), readBack.wallet().address());
    byte[] key =
        keyWrapper.unwrap(readBack.wallet().wrappedKey(), AccountService.walletContext(identity));
    assertEquals(readBack.wallet().address(), walletKeys.restore(key).address());
    assertNotEquals(
        new String(key, StandardCharsets.ISO_8859_1),
        new String(
            readBack.wallet().wrappedKey().ciphertext(),
            java.nio.charset.StandardCharsets.ISO_8859_1),
        "the stored key is not the plain key");
  }

  @Test
  void signingInAgainKeepsTheSameWallet() {
    String subject = "it-" + UUID.randomUUID();
    Identity identity = new Identity(subject, "again", null, null, Set.of(Role.BUYER));
    Account first = accounts.signIn(identity);

    Account second =
        accounts.signIn(new Identity(subject, "again", null, null, Set.of(Role.BUYER, Role.ADMIN)));

    assertEquals(first.wallet().address(), second.wallet().address());
    assertArrayEquals(
        first.wallet().wrappedKey().ciphertext(), second.wallet().wrappedKey().ciphertext());
    assertEquals(Set.of(Role.BUYER, Role.ADMIN), accounts.find(subject).orElseThrow().roles());
  }
}
