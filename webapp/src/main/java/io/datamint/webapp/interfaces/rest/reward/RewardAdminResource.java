package io.datamint.webapp.interfaces.rest.reward;

import static io.datamint.webapp.interfaces.rest.reward.RewardProblems.translate;

import io.datamint.domain.application.RewardService;
import io.datamint.domain.model.chain.ChainOperationKey;
import io.datamint.webapp.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The admin's hand on the rewards' chain operations. */
@Path("admin/rewards")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class RewardAdminResource {

  @Inject RewardService rewards;

  @POST
  @Path("operations/{key}/retry")
  @Operation(
      summary =
          "Sends a failed settlement (campaign:settle:<id>:<epoch>, same stored leaves) or claim"
              + " back to the queue")
  public RewardDocument.Claim retry(@PathParam("key") String key) {
    return translate(() -> RewardDocument.Claim.of(rewards.retry(new ChainOperationKey(key))));
  }
}
