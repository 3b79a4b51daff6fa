package io.datamint.webapp.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.OpenIdAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.ClaimsDefinition;

/**
 * Browser sign-in: the OpenID Connect code flow against Keycloak. Realm roles arrive in the {@code
 * groups} claim. After the provider calls back, {@link CallbackServlet} decides where to go:
 * redirecting to the original resource breaks Vaadin's bootstrap request.
 */
@OpenIdAuthenticationMechanismDefinition(
    providerURI = "${oidcSettings.providerUri}",
    clientId = "${oidcSettings.clientId}",
    clientSecret = "${oidcSettings.clientSecret}",
    redirectURI = "${baseURL}/callback",
    redirectToOriginalResource = false,
    claimsDefinition = @ClaimsDefinition(callerGroupsClaim = "groups"))
@DeclareRoles({Roles.CONTRIBUTOR, Roles.LABELER, Roles.BUYER, Roles.ADMIN})
@ApplicationScoped
public class SecurityConfiguration {}
