package io.datamint.webapp.interfaces.rest.reward;

import static io.datamint.webapp.interfaces.rest.reward.RewardProblems.campaignId;
import static io.datamint.webapp.interfaces.rest.reward.RewardProblems.translate;

import io.datamint.domain.application.RewardService;
import io.datamint.domain.model.campaign.LabelerId;
import io.datamint.webapp.interfaces.rest.ApiProblem;
import io.datamint.webapp.security.CurrentAccount;
import io.datamint.webapp.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The caller's rewards across campaigns, and a claim by campaign id. Wallets are custodial: a claim
 * is relayed by the platform (which pays the gas) and the escrow pays the labeler's own address.
 */
@Path("me/rewards")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.LABELER, Roles.CONTRIBUTOR})
public class RewardResource {

  @Inject RewardService rewards;
  @Inject CurrentAccount currentAccount;

  @GET
  @Operation(
      summary =
          "The caller's rewards per campaign: earned (credited for accepted labels), settled (in"
              + " the latest posted root), claimed (paid on chain), claimable, a claim on its way")
  public List<RewardDocument> mine() {
    return translate(
        () ->
            rewards.rewardsOf(new LabelerId(currentAccount.get().subject())).stream()
                .map(RewardDocument::of)
                .toList());
  }

  @POST
  @Path("claim")
  @Operation(
      summary =
          "Queues a relayed claim in campaign ?campaign=<id> (as POST"
              + " /api/campaigns/{id}/rewards/claim)")
  public Response claim(@QueryParam("campaign") String campaign) {
    if (campaign == null || campaign.isBlank()) {
      throw new ApiProblem(Response.Status.BAD_REQUEST, "?campaign=<id> is required");
    }
    return translate(
        () ->
            Response.accepted(
                    RewardDocument.Claim.of(
                        rewards.requestClaim(
                            campaignId(campaign), new LabelerId(currentAccount.get().subject()))))
                .build());
  }
}
