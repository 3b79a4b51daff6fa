package io.datamint.webapp.interfaces.rest.campaign;

import io.datamint.domain.application.CampaignValidationService;
import io.datamint.domain.model.campaign.CampaignId;
import io.datamint.domain.model.campaign.LabelerId;
import io.datamint.webapp.security.CurrentAccount;
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
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The caller's labels. */
@Path("me/labels")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.LABELER, Roles.CONTRIBUTOR})
public class MyLabelsResource {

  private static final int MAX = 1000;

  @Inject CampaignValidationService validation;
  @Inject CurrentAccount currentAccount;

  @GET
  @Operation(
      summary =
          "The caller's labels, newest first, with their status (PENDING until validated, then"
              + " ACCEPTED or REJECTED) and quality score (the probability that the label is"
              + " right, null while PENDING); ?campaign=<id> for one campaign, ?limit= up to 1000")
  public List<TaskDocument.Label> labels(
      @QueryParam("campaign") String campaign,
      @DefaultValue("100") @QueryParam("limit") int limit) {
    Optional<CampaignId> filter =
        campaign == null || campaign.isBlank()
            ? Optional.empty()
            : Optional.of(CampaignResource.campaignId(campaign));
    LabelerId labeler = new LabelerId(currentAccount.get().subject());
    return validation.labelsOf(labeler, filter, Math.max(1, Math.min(limit, MAX))).stream()
        .map(TaskDocument.Label::of)
        .toList();
  }
}
