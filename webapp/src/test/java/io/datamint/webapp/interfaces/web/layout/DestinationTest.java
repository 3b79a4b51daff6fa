package io.datamint.webapp.interfaces.web.layout;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamint.domain.model.account.Role;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DestinationTest {

  @Test
  void eachRoleLandsOnItsOwnHome() {
    assertThat(Destination.homeFor(Set.of(Role.CONTRIBUTOR))).isEqualTo(Destination.MY_DATASETS);
    assertThat(Destination.homeFor(Set.of(Role.LABELER))).isEqualTo(Destination.LABELING);
    assertThat(Destination.homeFor(Set.of(Role.BUYER))).isEqualTo(Destination.CATALOG);
    assertThat(Destination.homeFor(Set.of(Role.ADMIN))).isEqualTo(Destination.ADMINISTRATION);
  }

  @Test
  void someoneWithSeveralRolesLandsOnTheMostPrivilegedHome() {
    assertThat(Destination.homeFor(EnumSet.of(Role.BUYER, Role.ADMIN)))
        .isEqualTo(Destination.ADMINISTRATION);
    assertThat(Destination.homeFor(EnumSet.of(Role.LABELER, Role.CONTRIBUTOR)))
        .isEqualTo(Destination.MY_DATASETS);
  }

  @Test
  void someoneWithoutARoleSeesOnlyTheirProfile() {
    assertThat(Destination.visibleTo(Set.of())).containsExactly(Destination.PROFILE);
    assertThat(Destination.homeFor(Set.of())).isEqualTo(Destination.PROFILE);
  }

  @Test
  void theMenuShowsOnlyWhatTheRoleMayUse() {
    assertThat(Destination.visibleTo(Set.of(Role.BUYER)))
        .containsExactly(Destination.CATALOG, Destination.PROFILE);
    assertThat(Destination.visibleTo(Set.of(Role.CONTRIBUTOR)))
        .containsExactly(
            Destination.MY_DATASETS,
            Destination.MY_CAMPAIGNS,
            Destination.CATALOG,
            Destination.PROFILE);
    assertThat(Destination.visibleTo(Set.of(Role.LABELER)))
        .containsExactly(
            Destination.LABELING, Destination.MY_WORK, Destination.CATALOG, Destination.PROFILE);
    assertThat(Destination.visibleTo(Set.of(Role.ADMIN)))
        .containsExactly(
            Destination.CATALOG,
            Destination.ADMINISTRATION,
            Destination.REVIEW_QUEUE,
            Destination.PROFILE);
  }
}
