package io.datamint.webapp.interfaces.rest.campaign;

import io.datamint.domain.application.CampaignValidationService;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The labelers of a campaign and where they stand, for the owner (and admins). */
@Path("campaigns/{id}/labelers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CampaignLabelersResource {

  @Inject CampaignValidationService validation;
  @Inject CurrentAccount currentAccount;

  @GET
  @RolesAllowed({Roles.CONTRIBUTOR, Roles.ADMIN})
  @Operation(
      summary =
          "Every labeler of the campaign: QUALIFYING, QUALIFIED or BLOCKED (with the reason),"
              + " qualification answers and reliability; blocked ones first; owner and admins only")
  public List<StandingDocument.Labeler> labelers(@PathParam("id") String id) {
    CampaignId campaign = CampaignResource.campaignId(id);
    ContributorId viewer = new ContributorId(currentAccount.get().subject());
    boolean admin = currentAccount.get().roles().contains(Role.ADMIN);
    return CampaignProblems.translate(() -> validation.labelers(campaign, viewer, admin)).stream()
        .map(StandingDocument.Labeler::of)
        .toList();
  }
}
