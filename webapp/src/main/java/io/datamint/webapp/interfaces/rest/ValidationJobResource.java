package io.datamint.webapp.interfaces.rest;

import io.datamint.domain.application.CrowdScoringService;
import io.datamint.domain.application.CrowdScoringService.ScoringJob;
import io.datamint.domain.application.CrowdScoringService.UnknownValidationJobException;
import io.datamint.domain.model.account.Account;
import io.datamint.domain.model.account.Role;
import io.datamint.domain.model.validation.CrowdLabels;
import io.datamint.domain.model.validation.JobRequester;
import io.datamint.domain.model.validation.ValidationJobId;
import io.datamint.domain.model.validation.ValidationJobStatus;
import io.datamint.domain.model.validation.ValidationResult;
import io.datamint.validation.cli.ResultCsv;
import io.datamint.webapp.infrastructure.validation.CrowdLabelFiles;
import io.datamint.webapp.security.CurrentAccount;
import io.datamint.webapp.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * "Bring your own crowd labels": upload labels collected anywhere and get them scored by the
 * validation workers — a quality per label, a consensus per item, a reliability per labeler — with
 * the files {@code ./datamint score} writes. Contributors score the labels of their data, buyers
 * those they bought elsewhere; each sees their own jobs, admins every job.
 */
@Path("validation/jobs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CONTRIBUTOR, Roles.BUYER, Roles.ADMIN})
public class ValidationJobResource {

  static final MediaType CSV = MediaType.valueOf("text/csv; charset=UTF-8");

  @Inject CrowdScoringService scoring;
  @Inject CrowdLabelFiles files;
  @Inject CurrentAccount currentAccount;

  /** The answer to an upload: the job to follow. */
  public record Accepted(String id, String status) {}

  /** A job: its status and, once DONE, the summary and where the result files are. */
  public record JobDocument(String id, String status, SummaryDocument summary, ResultFiles files) {}

  /** What a finished job found, in numbers. */
  public record SummaryDocument(
      int items, int labelers, int labels, int accepted, int rejected, double meanReliability) {}

  /** The result files, relative to the API root. */
  public record ResultFiles(String items, String annotations, String workers) {}

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Operation(
      summary =
          "Score crowd labels: part annotations (CSV item_id,worker_id,label and optionally"
              + " text), optional parts gold (CSV item_id,label), threshold (default 0.5),"
              + " textColumn and pairColumn. 202 with the job; the same upload again answers the"
              + " same job")
  public Response submit(List<EntityPart> parts) throws IOException {
    Form form = new Form(parts);
    EntityPart annotations =
        form.part("annotations")
            .orElseThrow(
                () ->
                    new ApiProblem(
                        Response.Status.BAD_REQUEST,
                        "the form needs a part named annotations (CSV item_id,worker_id,label)"));
    double threshold = form.threshold();
    CrowdLabels labels;
    try (InputStream gold = form.part("gold").map(Form::content).orElse(null)) {
      labels =
          files.read(
              new CrowdLabelFiles.Upload(
                  annotations.getContent(),
                  gold,
                  form.text("textColumn").orElse(null),
                  form.text("pairColumn").orElse(null),
                  threshold));
    } catch (CrowdLabelFiles.BadFileException e) {
      throw new ApiProblem(Response.Status.BAD_REQUEST, e.getMessage());
    } catch (CrowdLabelFiles.TooLargeException e) {
      throw new ApiProblem(Response.Status.REQUEST_ENTITY_TOO_LARGE, e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new ApiProblem(Response.Status.BAD_REQUEST, e.getMessage());
    }
    JobRequester requester = caller();
    ValidationJobId job = ApiProblem.translate(() -> scoring.submit(requester, labels));
    // the same upload again names the job it queued before, which may be done by now
    ValidationJobStatus status = scoring.view(job, requester, false).status();
    return Response.accepted(new Accepted(job.toString(), status.name()))
        .location(URI.create("validation/jobs/" + job))
        .build();
  }

  @GET
  @Path("{id}")
  @Operation(
      summary =
          "A validation job: status PENDING, RUNNING, DONE or FAILED; once DONE the summary and"
              + " the result files")
  public JobDocument get(@PathParam("id") String id) {
    ScoringJob job = view(id);
    return new JobDocument(
        job.id().toString(),
        job.status().name(),
        job.summary()
            .map(
                s ->
                    new SummaryDocument(
                        s.items(),
                        s.labelers(),
                        s.labels(),
                        s.accepted(),
                        s.rejected(),
                        s.meanReliability()))
            .orElse(null),
        job.status() == ValidationJobStatus.DONE
            ? new ResultFiles(
                "validation/jobs/" + job.id() + "/items.csv",
                "validation/jobs/" + job.id() + "/annotations.csv",
                "validation/jobs/" + job.id() + "/workers.csv")
            : null);
  }

  @GET
  @Path("{id}/items.csv")
  @Produces("text/csv")
  @Operation(summary = "item_id,consensus_label,confidence (as ./datamint score writes it)")
  public Response items(@PathParam("id") String id) {
    ValidationResult result = result(id);
    return csv(id, "items.csv", w -> ResultCsv.writeItems(w, result.items()));
  }

  @GET
  @Path("{id}/annotations.csv")
  @Produces("text/csv")
  @Operation(summary = "item_id,worker_id,label,quality, ordered by item and worker")
  public Response annotations(@PathParam("id") String id) {
    ValidationResult result = result(id);
    return csv(id, "annotations.csv", w -> ResultCsv.writeAnnotations(w, result.labels()));
  }

  @GET
  @Path("{id}/workers.csv")
  @Produces("text/csv")
  @Operation(summary = "worker_id,reliability,labels")
  public Response workers(@PathParam("id") String id) {
    ValidationResult result = result(id);
    return csv(id, "workers.csv", w -> ResultCsv.writeWorkers(w, result.labelers()));
  }

  private ScoringJob view(String id) {
    ValidationJobId job = jobId(id);
    Account account = currentAccount.get();
    try {
      return scoring.view(
          job, new JobRequester(account.subject()), account.roles().contains(Role.ADMIN));
    } catch (UnknownValidationJobException e) {
      throw new ApiProblem(Response.Status.NOT_FOUND, e.getMessage());
    }
  }

  private ValidationResult result(String id) {
    ScoringJob job = view(id);
    return job.result()
        .orElseThrow(
            () ->
                new ApiProblem(
                    Response.Status.CONFLICT,
                    "job "
                        + job.id()
                        + " is "
                        + job.status()
                        + "; its results are there once it is DONE"));
  }

  private static Response csv(String id, String name, CsvBody body) {
    StreamingOutput out =
        stream -> {
          Writer writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
          body.write(writer);
          writer.flush();
        };
    return Response.ok(out, CSV)
        .header(
            "Content-Disposition", "attachment; filename=\"validation-" + id + "-" + name + "\"")
        .build();
  }

  @FunctionalInterface
  private interface CsvBody {
    void write(Writer writer) throws IOException;
  }

  private JobRequester caller() {
    // the OIDC subject: stable for the person, unlike the user name
    return new JobRequester(currentAccount.get().subject());
  }

  static ValidationJobId jobId(String id) {
    try {
      return ValidationJobId.of(Long.parseLong(id));
    } catch (IllegalArgumentException e) {
      throw new ApiProblem(Response.Status.NOT_FOUND, "no validation job " + id);
    }
  }

  /** The parts of a multipart form by name. */
  private static final class Form {
    private final List<EntityPart> parts;

    Form(List<EntityPart> parts) {
      this.parts = parts == null ? List.of() : parts;
    }

    Optional<EntityPart> part(String name) {
      return parts.stream().filter(p -> p.getName().equals(name)).findFirst();
    }

    Optional<String> text(String name) {
      return part(name)
          .map(
              p -> {
                try {
                  return p.getContent(String.class);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }

    double threshold() {
      Optional<String> value = text("threshold").map(String::strip).filter(v -> !v.isEmpty());
      if (value.isEmpty()) {
        return CrowdLabels.DEFAULT_THRESHOLD;
      }
      try {
        double threshold = Double.parseDouble(value.get());
        if (threshold > 0 && threshold < 1) {
          return threshold;
        }
      } catch (NumberFormatException notANumber) {
        // answered below
      }
      throw new ApiProblem(
          Response.Status.BAD_REQUEST,
          "threshold must be a number strictly between 0 and 1, was " + value.get());
    }

    static InputStream content(EntityPart part) {
      return part.getContent();
    }
  }
}
