package io.datamint.webapp.security;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Where Keycloak sends the browser after sign-in. The mechanism has already exchanged the code for
 * tokens by the time this runs; here the sign-in is recorded (creating the account and its wallet
 * the first time) and the browser goes to the home of its role.
 */
@WebServlet("/callback")
public class CallbackServlet extends HttpServlet {

  @Inject CurrentAccount currentAccount;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (request.getUserPrincipal() == null) {
      // A stale or forged callback: start over instead of showing an error page.
      response.sendRedirect(request.getContextPath() + "/");
      return;
    }
    currentAccount.signIn();
    response.sendRedirect(request.getContextPath() + "/");
  }
}
