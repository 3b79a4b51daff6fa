package io.datamint.webapp.interfaces.rest.reward;

import static io.datamint.webapp.interfaces.rest.reward.RewardProblems.campaignId;
import static io.datamint.webapp.interfaces.rest.reward.RewardProblems.translate;

import io.datamint.domain.application.RewardService;
import io.datamint.domain.model.campaign.LabelerId;
import io.datamint.webapp.security.CurrentAccount;
import io.datamint.webapp.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The caller's rewards in one campaign, and the relayed claim. */
@Path("campaigns/{id}/rewards")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.LABELER, Roles.CONTRIBUTOR})
public class CampaignRewardResource {

  @Inject RewardService rewards;
  @Inject CurrentAccount currentAccount;

  @GET
  @Operation(summary = "The caller's rewards in the campaign")
  public RewardDocument mine(@PathParam("id") String id) {
    return translate(
        () ->
            RewardDocument.of(
                rewards.rewardsOf(new LabelerId(currentAccount.get().subject()), campaignId(id))));
  }

  @POST
  @Path("claim")
  @Operation(
      summary =
          "Queues a claim of what the latest posted root entitles the caller to beyond what was"
              + " paid, relayed by the platform: 202 with the claim operation (asking again while"
              + " it is on its way returns it), 409 when nothing is claimable")
  public Response claim(@PathParam("id") String id) {
    return translate(
        () ->
            Response.accepted(
                    RewardDocument.Claim.of(
                        rewards.requestClaim(
                            campaignId(id), new LabelerId(currentAccount.get().subject()))))
                .build());
  }
}
