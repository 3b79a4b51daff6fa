package io.datamint.webapp.interfaces.rest;

import io.datamint.domain.application.ContentDownloads;
import io.datamint.domain.application.ContentDownloads.Download;
import io.datamint.domain.application.PublishingService;
import io.datamint.domain.application.PublishingService.Listing;
import io.datamint.domain.application.PublishingService.VersionRef;
import io.datamint.domain.application.TokenizationService;
import io.datamint.domain.model.account.Account;
import io.datamint.domain.model.account.Role;
import io.datamint.domain.model.dataset.ContributorId;
import io.datamint.domain.model.dataset.DatasetId;
import io.datamint.domain.model.dataset.SpdxLicense;
import io.datamint.domain.model.dataset.Tag;
import io.datamint.webapp.infrastructure.publishing.LocalUploadArea;
import io.datamint.webapp.infrastructure.publishing.ResumableUploads;
import io.datamint.webapp.infrastructure.publishing.UploadIntake;
import io.datamint.webapp.infrastructure.publishing.UploadIntake.ReceivedFile;
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
import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Publishing datasets: upload a file as a new dataset or a new version, then follow its processing.
 * Uploads are {@code multipart/form-data}; the file is streamed to disk and processed in the
 * background, so the answer is 202 with the dataset's id, and {@code GET} shows the progress.
 */
@Path("datasets")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DatasetResource {

  @Inject PublishingService publishing;
  @Inject TokenizationService tokenization;
  @Inject ContentDownloads downloads;
  @Inject UploadIntake uploads;
  @Inject ResumableUploads resumableUploads;
  @Inject CurrentAccount currentAccount;

  /** The answer to an upload: where to follow it. */
  public record Accepted(String id, int version, String state) {}

  /** A line in the caller's list of datasets. */
  public record Summary(String id, String title, String state, int latestVersion, int progress) {}

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @RolesAllowed(Roles.CONTRIBUTOR)
  @Operation(
      summary =
          "Publish a dataset: parts file (or upload: the id of a complete resumable upload),"
              + " title, description, license (SPDX id) and tags (comma-separated or repeated)")
  public Response publish(List<EntityPart> parts) throws IOException {
    Form form = new Form(parts);
    Listing listing =
        ApiProblem.translate(
            () ->
                new Listing(
                    form.text("title").orElse(""),
                    form.text("description").orElse(""),
                    SpdxLicense.of(form.required("license")),
                    form.tags()));
    ContributorId owner = caller();
    return receive(form, file -> uploads.publishDataset(owner, listing, file));
  }

  @POST
  @Path("{id}/versions")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @RolesAllowed(Roles.CONTRIBUTOR)
  @Operation(
      summary =
          "Upload a new version of one of the caller's datasets: part file, or upload naming a"
              + " complete resumable upload")
  public Response addVersion(@PathParam("id") String id, List<EntityPart> parts)
      throws IOException {
    DatasetId dataset = datasetId(id);
    ContributorId owner = caller();
    return receive(new Form(parts), file -> uploads.publishVersion(owner, dataset, file));
  }

  @GET
  @Path("{id}")
  @RolesAllowed({Roles.CONTRIBUTOR, Roles.LABELER, Roles.BUYER, Roles.ADMIN})
  @Operation(
      summary =
          "A dataset with its versions, progress, CIDs, schema, statistics, flags and its token"
              + " on chain (owner and admins; everybody once listed)")
  public DatasetDocument get(@PathParam("id") String id) {
    DatasetId dataset = datasetId(id);
    Account account = currentAccount.get();
    boolean admin = account.roles().contains(Role.ADMIN);
    ContributorId viewer = new ContributorId(account.subject());
    return ApiProblem.translate(
        () ->
            DatasetDocument.of(
                publishing.view(dataset, viewer, admin),
                tokenization.token(dataset, viewer, admin)));
  }

  @GET
  @Path("{id}/versions/{version}/content")
  @Produces(MediaType.APPLICATION_OCTET_STREAM)
  @RolesAllowed({Roles.CONTRIBUTOR, Roles.ADMIN})
  @Operation(summary = "A stored version's file, decrypted from IPFS (owner and admins)")
  public Response content(@PathParam("id") String id, @PathParam("version") int version) {
    DatasetId dataset = datasetId(id);
    Account account = currentAccount.get();
    boolean admin = account.roles().contains(Role.ADMIN);
    Download download =
        ApiProblem.translate(
            () -> downloads.open(dataset, version, new ContributorId(account.subject()), admin));
    StreamingOutput body =
        out -> {
          try (InputStream in = download.content()) {
            in.transferTo(out);
          }
        };
    return Response.ok(body)
        .header("Content-Length", download.bytes())
        .header(
            "Content-Disposition",
            "attachment; filename=\"" + download.fileName().replaceAll("[\"\\\\]", "_") + "\"")
        .build();
  }

  @GET
  @RolesAllowed(Roles.CONTRIBUTOR)
  @Operation(summary = "The caller's datasets, newest first")
  public List<Summary> mine() {
    return publishing.ownedBy(caller()).stream()
        .map(
            d ->
                new Summary(
                    d.id().toString(),
                    d.title(),
                    d.state().name(),
                    d.latestVersion().number(),
                    d.latestVersion().progressPercent()))
        .toList();
  }

  /** Streams the file to disk, then lets the use case register it and the worker take it. */
  private Response receive(Form form, Publication publication) throws IOException {
    Optional<String> resumable = form.text("upload");
    if (resumable.isPresent()) {
      return publishResumable(UploadResource.uploadId(resumable.get().strip()), publication);
    }
    EntityPart file = form.file();
    ReceivedFile received;
    try {
      received =
          ApiProblem.translate(
              () -> uploads.receive(file.getContent(), file.getFileName().orElse(null)));
    } catch (LocalUploadArea.TooLargeException e) {
      throw new ApiProblem(Response.Status.REQUEST_ENTITY_TOO_LARGE, e.getMessage());
    }
    VersionRef ref = ApiProblem.translate(() -> publication.publish(received));
    return accepted(ref);
  }

  /**
   * Publishes a complete resumable upload. Should the use case refuse, the upload stays and can be
   * published again; once it is a version's, the upload is gone.
   */
  private Response publishResumable(UUID upload, Publication publication) throws IOException {
    ReceivedFile received = ApiProblem.translate(() -> resumableUploads.receive(caller(), upload));
    VersionRef ref = ApiProblem.translate(() -> publication.publish(received));
    resumableUploads.published(upload);
    return accepted(ref);
  }

  private static Response accepted(VersionRef ref) {
    return Response.accepted(new Accepted(ref.dataset().toString(), ref.version(), "UPLOADING"))
        .location(URI.create("datasets/" + ref.dataset()))
        .build();
  }

  private ContributorId caller() {
    // the OIDC subject: stable for the person, unlike the user name
    return new ContributorId(currentAccount.get().subject());
  }

  static DatasetId datasetId(String id) {
    try {
      return DatasetId.of(id);
    } catch (IllegalArgumentException e) {
      throw new ApiProblem(Response.Status.NOT_FOUND, "no dataset " + id);
    }
  }

  @FunctionalInterface
  private interface Publication {
    VersionRef publish(ReceivedFile file) throws IOException;
  }

  /** The parts of a multipart form by name. */
  private static final class Form {
    private final List<EntityPart> parts;

    Form(List<EntityPart> parts) {
      this.parts = parts == null ? List.of() : parts;
    }

    EntityPart file() {
      return parts.stream()
          .filter(p -> p.getName().equals("file"))
          .findFirst()
          .orElseThrow(
              () ->
                  new ApiProblem(
                      Response.Status.BAD_REQUEST,
                      "the form needs a part named file, or upload naming a resumable upload"));
    }

    Optional<String> text(String name) {
      return all(name).stream().findFirst();
    }

    String required(String name) {
      return text(name)
          .filter(v -> !v.isBlank())
          .orElseThrow(() -> new IllegalArgumentException("the form needs a part named " + name));
    }

    Set<Tag> tags() {
      Set<Tag> tags = new LinkedHashSet<>();
      for (String value : all("tags")) {
        Arrays.stream(value.split(","))
            .map(String::strip)
            .filter(t -> !t.isEmpty())
            .map(Tag::new)
            .forEach(tags::add);
      }
      return tags;
    }

    private List<String> all(String name) {
      return parts.stream()
          .filter(p -> p.getName().equals(name))
          .map(
              p -> {
                try {
                  return p.getContent(String.class);
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              })
          .toList();
    }
  }
}
