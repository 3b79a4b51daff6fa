package io.datamint.webapp.interfaces.rest.campaign;

import io.datamint.domain.application.LabelingService;
import io.datamint.domain.model.campaign.LabelerId;
import io.datamint.domain.model.campaign.LeaseId;
import io.datamint.webapp.interfaces.rest.ApiProblem;
import io.datamint.webapp.security.CurrentAccount;
import io.datamint.webapp.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A leased task: label it or skip it, under the lease id the task came with. */
@Path("tasks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.LABELER, Roles.CONTRIBUTOR})
public class TaskResource {

  @Inject LabelingService labeling;
  @Inject CurrentAccount currentAccount;

  @POST
  @Path("{leaseId}/label")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Label the task: {\"labels\": [\"...\"]}. A replay returns the same label (200); a"
              + " different label for a labeled task, or an expired lease, is 409")
  public TaskDocument.Label label(@PathParam("leaseId") String leaseId, JsonObject body) {
    LeaseId lease = leaseId(leaseId);
    if (body == null) {
      throw CampaignProblems.badRequest("the body is {\"labels\": [\"...\"]}");
    }
    List<String> labels = CampaignResource.strings(body.get("labels"), "labels");
    return TaskDocument.Label.of(
        CampaignProblems.translate(() -> labeling.submit(lease, labeler(), labels)));
  }

  @POST
  @Path("{leaseId}/skip")
  @Operation(summary = "Give the task back; the caller will not get this item again")
  public Response skip(@PathParam("leaseId") String leaseId) {
    LeaseId lease = leaseId(leaseId);
    CampaignProblems.translate(
        () -> {
          labeling.skip(lease, labeler());
          return null;
        });
    return Response.noContent().build();
  }

  private LabelerId labeler() {
    return new LabelerId(currentAccount.get().subject());
  }

  private static LeaseId leaseId(String id) {
    try {
      return LeaseId.parse(id);
    } catch (IllegalArgumentException e) {
      throw new ApiProblem(Response.Status.NOT_FOUND, "no task under lease " + id);
    }
  }
}
