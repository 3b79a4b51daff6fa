package io.datamint.webapp.interfaces.rest;

import io.datamint.domain.model.account.Account;
import io.datamint.domain.model.account.Role;
import io.datamint.webapp.security.CurrentAccount;
import io.datamint.webapp.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The caller's own account. */
@Path("me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

  @Inject CurrentAccount currentAccount;

  /** What the caller sees of themselves: never the wallet's key, only its address. */
  public record Me(
      String username, String displayName, String email, List<String> roles, String wallet) {

    static Me of(Account account) {
      return new Me(
          account.username(),
          account.displayName(),
          account.email(),
          account.roles().stream().map(Role::groupName).sorted().toList(),
          account.wallet().address().value());
    }
  }

  @GET
  @RolesAllowed({Roles.CONTRIBUTOR, Roles.LABELER, Roles.BUYER, Roles.ADMIN})
  @Operation(summary = "The signed-in caller: name, roles and custodial wallet address")
  public Me me() {
    return Me.of(currentAccount.get());
  }
}
