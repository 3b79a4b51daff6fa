package io.datamint.domain.model.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class IdentityTest {

  @Test
  void groupsThatAreNotOurRolesAreIgnored() {
    assertThat(Role.fromGroupName("offline_access")).isEmpty();
    assertThat(Role.fromGroupName("Admin")).contains(Role.ADMIN);
  }

  @Test
  void displayNameFallsBackToTheUsername() {
    Identity identity = new Identity("s", "bob", " ", "", Set.of());
    assertThat(identity.displayName()).isEqualTo("bob");
    assertThat(identity.email()).isNull();
  }

  @Test
  void aSubjectIsRequired() {
    assertThatThrownBy(() -> new Identity(" ", "bob", null, null, Set.of()))
        .hasMessageContaining("subject");
  }
}
