package io.datamint.webapp.interfaces.rest.campaign;

import io.datamint.domain.application.CampaignValidationService;
import io.datamint.domain.model.account.Role;
import io.datamint.domain.model.campaign.CampaignId;
import io.datamint.domain.model.campaign.ItemOutcome;
import io.datamint.domain.model.dataset.ContributorId;
import io.datamint.webapp.security.CurrentAccount;
import io.datamint.webapp.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A campaign's items with their labels' fate and the consensus, for the owner (and admins), paged.
 */
@Path("campaigns/{id}/items")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CampaignItemsResource {

  private static final int MAX = 1000;

  @Inject CampaignValidationService validation;
  @Inject CurrentAccount currentAccount;

  /**
   * One item: labels given, accepted and rejected, whether all k are in, and the consensus of the
   * latest round that scored it (null before) with its confidence.
   */
  public record ItemDocument(
      String item,
      long ordinal,
      boolean gold,
      int labels,
      boolean complete,
      int accepted,
      int rejected,
      List<String> consensus,
      Double confidence) {

    static ItemDocument of(ItemOutcome o) {
      return new ItemDocument(
          o.item().value(),
          o.ordinal(),
          o.gold(),
          o.labels(),
          o.complete(),
          o.accepted(),
          o.rejected(),
          o.consensus().isEmpty() ? null : o.consensus(),
          o.confidence().isPresent() ? o.confidence().getAsDouble() : null);
    }
  }

  @GET
  @RolesAllowed({Roles.CONTRIBUTOR, Roles.ADMIN})
  @Operation(
      summary =
          "The campaign's items in order with labels given, accepted, rejected and the consensus"
              + " with its confidence; owner and admins only; ?offset= (default 0), ?limit= (up to"
              + " 1000, default 100)")
  public List<ItemDocument> items(
      @PathParam("id") String id,
      @DefaultValue("0") @QueryParam("offset") long offset,
      @DefaultValue("100") @QueryParam("limit") int limit) {
    CampaignId campaign = CampaignResource.campaignId(id);
    ContributorId viewer = new ContributorId(currentAccount.get().subject());
    boolean admin = currentAccount.get().roles().contains(Role.ADMIN);
    return CampaignProblems.translate(
            () ->
                validation.items(
                    campaign, viewer, admin, offset, Math.max(1, Math.min(limit, MAX))))
        .stream()
        .map(ItemDocument::of)
        .toList();
  }
}
