package io.datamint.webapp.interfaces.rest;

import io.datamint.domain.application.PublishingService;
import io.datamint.domain.application.TokenizationService;
import io.datamint.domain.model.dataset.ContributorId;
import io.datamint.domain.model.dataset.Dataset;
import io.datamint.domain.model.dataset.DatasetId;
import io.datamint.webapp.security.CurrentAccount;
import io.datamint.webapp.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The review queue of new datasets and versions; for admins only. */
@Path("admin/datasets")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class DatasetReviewResource {

  @Inject PublishingService publishing;
  @Inject TokenizationService tokenization;
  @Inject CurrentAccount currentAccount;

  @GET
  @Operation(summary = "Datasets with a version awaiting review, oldest first")
  public List<DatasetDocument> queue() {
    return publishing.reviewQueue().stream().map(DatasetDocument::of).toList();
  }

  @POST
  @Path("{id}/approve")
  @Operation(
      summary =
          "Approve the version awaiting review: it becomes the listed version, and its mint (or"
              + " the publication of the version) on chain is queued")
  public DatasetDocument approve(@PathParam("id") String id) {
    DatasetId dataset = DatasetResource.datasetId(id);
    String reviewer = currentAccount.get().username();
    Dataset approved = ApiProblem.translate(() -> publishing.approve(dataset, reviewer));
    return withToken(approved);
  }

  @POST
  @Path("{id}/token/retry")
  @Operation(
      summary =
          "Send the dataset's failed chain operations back to the queue (e.g. after funding the"
              + " platform's account)")
  public DatasetDocument retryToken(@PathParam("id") String id) {
    DatasetId dataset = DatasetResource.datasetId(id);
    ContributorId admin = new ContributorId(currentAccount.get().subject());
    Dataset found = ApiProblem.translate(() -> publishing.view(dataset, admin, true));
    if (ApiProblem.translate(() -> tokenization.retry(dataset)) == 0) {
      throw new ApiProblem(
          Response.Status.CONFLICT, "no chain operation of this dataset has failed");
    }
    return withToken(found);
  }

  private DatasetDocument withToken(Dataset dataset) {
    return DatasetDocument.of(
        dataset,
        tokenization.token(dataset.id(), new ContributorId(currentAccount.get().subject()), true));
  }

  @POST
  @Path("{id}/reject")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Reject the version awaiting review; body {\"reason\": \"...\"}")
  public DatasetDocument reject(@PathParam("id") String id, JsonObject body) {
    DatasetId dataset = DatasetResource.datasetId(id);
    JsonValue reason = body == null ? null : body.get("reason");
    if (!(reason instanceof JsonString text) || text.getString().isBlank()) {
      throw new ApiProblem(
          Response.Status.BAD_REQUEST, "a rejection needs a reason: {\"reason\": \"...\"}");
    }
    String reviewer = currentAccount.get().username();
    Dataset rejected =
        ApiProblem.translate(() -> publishing.reject(dataset, reviewer, text.getString()));
    return DatasetDocument.of(rejected);
  }
}
