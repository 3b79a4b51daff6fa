package io.datamint.webapp.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoutingAuthenticationMechanismTest {

  @Test
  void callsUnderApiGoToTheTokenMechanismEvenWithoutAToken() {
    assertThat(RoutingAuthenticationMechanism.isApiRequest("/api/me", null)).isTrue();
    assertThat(RoutingAuthenticationMechanism.isApiRequest("/api", null)).isTrue();
  }

  @Test
  void anyCallWithABearerTokenGoesToTheTokenMechanism() {
    assertThat(RoutingAuthenticationMechanism.isApiRequest("/profile", "Bearer abc")).isTrue();
    assertThat(RoutingAuthenticationMechanism.isApiRequest("/profile", "bearer abc")).isTrue();
  }

  @Test
  void browserPagesGoToOpenIdConnect() {
    assertThat(RoutingAuthenticationMechanism.isApiRequest("/profile", null)).isFalse();
    assertThat(RoutingAuthenticationMechanism.isApiRequest("/apiary", null)).isFalse();
    assertThat(RoutingAuthenticationMechanism.isApiRequest("/", "Basic dXNlcjpwdw==")).isFalse();
  }
}
