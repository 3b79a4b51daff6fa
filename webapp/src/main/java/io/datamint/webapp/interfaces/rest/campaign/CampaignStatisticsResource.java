package io.datamint.webapp.interfaces.rest.campaign;

import io.datamint.domain.application.CampaignReporting;
import io.datamint.domain.model.account.Account;
import io.datamint.domain.model.account.Role;
import io.datamint.domain.model.campaign.CampaignId;
import io.datamint.domain.model.dataset.ContributorId;
import io.datamint.webapp.security.CurrentAccount;
import io.datamint.webapp.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A campaign's figures, as its dashboard shows them, for the owner and admins. A resource of its
 * own (JAX-RS picks the root resource with the longer literal path for {@code
 * /campaigns/{id}/statistics}) so the campaign resource stays as it is.
 */
@Path("campaigns/{id}/statistics")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CampaignStatisticsResource {

  @Inject CampaignReporting reporting;
  @Inject CurrentAccount currentAccount;

  @GET
  @RolesAllowed({Roles.CONTRIBUTOR, Roles.LABELER, Roles.ADMIN})
  @Operation(
      summary =
          "The campaign's figures (owner and admins): labels per item (0..k), label distribution,"
              + " agreement and its distribution, accepted/rejected/pending labels, budget spent"
              + " (accepted × reward) and left, labelers and the top labelers")
  public StatisticsDocument statistics(@PathParam("id") String id) {
    CampaignId campaign = CampaignResource.campaignId(id);
    Account account = currentAccount.get();
    ContributorId caller = new ContributorId(account.subject());
    boolean admin = account.roles().contains(Role.ADMIN);
    return StatisticsDocument.of(
        CampaignProblems.translate(() -> reporting.report(campaign, caller, admin)));
  }
}
