package io.datamint.webapp.interfaces.rest.campaign;

import io.datamint.domain.application.CampaignValidationService;
import io.datamint.domain.model.campaign.CampaignId;
import io.datamint.domain.model.campaign.LabelerId;
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

/** The caller's standing in a campaign (a resource of its own, beside {@link CampaignResource}). */
@Path("campaigns/{id}/standing")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class StandingResource {

  @Inject CampaignValidationService validation;
  @Inject CurrentAccount currentAccount;

  @GET
  @RolesAllowed({Roles.LABELER, Roles.CONTRIBUTOR})
  @Operation(
      summary =
          "The caller's standing in the campaign: QUALIFYING (qualification round: items,"
              + " answered, correct, needed), QUALIFIED or BLOCKED with the reason; the"
              + " reliability validation estimates for them and their labels' counts")
  public StandingDocument standing(@PathParam("id") String id) {
    CampaignId campaign = CampaignResource.campaignId(id);
    String subject = currentAccount.get().subject();
    return StandingDocument.of(
        CampaignProblems.translate(() -> validation.standing(campaign, new LabelerId(subject))),
        subject);
  }
}
