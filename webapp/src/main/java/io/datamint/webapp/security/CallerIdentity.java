package io.datamint.webapp.security;

import io.datamint.domain.model.account.Identity;
import io.datamint.domain.model.account.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import java.security.Principal;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The caller of the current request as a domain {@link Identity}, whichever mechanism authenticated
 * them: a bearer token's claims or the browser session's OpenID Connect claims.
 */
@RequestScoped
public class CallerIdentity {

  @Inject SecurityContext securityContext;
  @Inject Instance<OpenIdContext> openIdContext;

  /** Empty when nobody is signed in. */
  public Optional<Identity> current() {
    Principal principal = securityContext.getCallerPrincipal();
    if (principal == null) {
      return Optional.empty();
    }
    if (principal instanceof JsonWebToken token) {
      return Optional.of(fromToken(token));
    }
    return Optional.of(fromOpenIdContext(openIdContext.get(), principal, rolesOfCaller()));
  }

  public Identity require() {
    return current().orElseThrow(() -> new IllegalStateException("nobody is signed in"));
  }

  private static Identity fromToken(JsonWebToken token) {
    return new Identity(
        token.getSubject(),
        firstNonBlank(token.getClaim("preferred_username"), token.getName()),
        token.getClaim("name"),
        token.getClaim("email"),
        roles(token.getGroups()));
  }

  private Set<Role> rolesOfCaller() {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (Role role : Role.values()) {
      if (securityContext.isCallerInRole(role.groupName())) {
        roles.add(role);
      }
    }
    return roles;
  }

  private static Identity fromOpenIdContext(
      OpenIdContext context, Principal principal, Set<Role> roles) {
    var claims = context.getClaims();
    return new Identity(
        context.getSubject(),
        firstNonBlank(claims.getPreferredUsername().orElse(null), principal.getName()),
        claims.getName().orElse(null),
        claims.getEmail().orElse(null),
        roles);
  }

  static Set<Role> roles(Collection<String> groups) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    if (groups != null) {
      groups.stream().map(Role::fromGroupName).flatMap(Optional::stream).forEach(roles::add);
    }
    return roles;
  }

  private static String firstNonBlank(String preferred, String fallback) {
    return preferred != null && !preferred.isBlank() ? preferred : fallback;
  }
}
