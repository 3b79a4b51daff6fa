package io.datamint.webapp.interfaces.rest;

import io.datamint.domain.application.AccountService;
import io.datamint.webapp.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Administration of the marketplace; every method is for admins only. */
@Path("admin")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class AdminResource {

  @Inject AccountService accounts;

  /** An account as admins see it in lists. */
  public record AccountSummary(
      String username, String displayName, String roles, String wallet, String lastSignIn) {}

  @GET
  @Path("accounts")
  @Operation(summary = "Accounts, most recently active first")
  public List<AccountSummary> accounts(@QueryParam("limit") @DefaultValue("100") int limit) {
    int bounded = Math.max(1, Math.min(limit, 500));
    return accounts.recentAccounts(bounded).stream()
        .map(
            a ->
                new AccountSummary(
                    a.username(),
                    a.displayName(),
                    String.join(",", a.roles().stream().map(r -> r.groupName()).toList()),
                    a.wallet().address().value(),
                    a.lastSignInAt().toString()))
        .toList();
  }
}
