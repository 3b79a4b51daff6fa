package io.datamint.webapp.security;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Signs out of the application and of the provider's single sign-on session; otherwise the next
 * visit would sign the same person in again without asking. The ID token tells Keycloak which
 * session to end without a confirmation page.
 */
@WebServlet("/logout")
public class LogoutServlet extends HttpServlet {

  @Inject OidcSettings settings;
  @Inject Instance<OpenIdContext> openIdContext;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String idToken = null;
    if (request.getUserPrincipal() != null) {
      try {
        idToken = openIdContext.get().getIdentityToken().getToken();
      } catch (RuntimeException noOpenIdSession) {
        // Signed in some other way (a bearer token): there is no provider session to end.
      }
    }
    // Ending the session ends the sign-in: the mechanism keeps it there. request.logout() is not
    // used because the OpenID Connect mechanism commits its own response on it.
    invalidate(request.getSession(false));
    String home = baseUrl(request) + "/";
    StringBuilder target =
        new StringBuilder(settings.getEndSessionUri())
            .append("?client_id=")
            .append(encode(settings.getClientId()))
            .append("&post_logout_redirect_uri=")
            .append(encode(home));
    if (idToken != null) {
      target.append("&id_token_hint=").append(encode(idToken));
    }
    response.sendRedirect(target.toString());
  }

  private static void invalidate(HttpSession session) {
    if (session == null) {
      return;
    }
    try {
      session.invalidate();
    } catch (IllegalStateException alreadyInvalidated) {
      // The OpenID Connect mechanism may end the session itself during logout().
    }
  }

  private static String baseUrl(HttpServletRequest request) {
    String url = request.getRequestURL().toString();
    return url.substring(0, url.length() - request.getRequestURI().length())
        + request.getContextPath();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
