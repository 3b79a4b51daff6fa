package io.datamint.webapp.interfaces.rest;

import io.datamint.domain.model.dataset.ContributorId;
import io.datamint.webapp.infrastructure.publishing.LocalUploadArea;
import io.datamint.webapp.infrastructure.publishing.ResumableUploads;
import io.datamint.webapp.infrastructure.publishing.ResumableUploads.Status;
import io.datamint.webapp.infrastructure.publishing.ResumableUploads.UnknownUploadException;
import io.datamint.webapp.security.CurrentAccount;
import io.datamint.webapp.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Resumable uploads, after the tus protocol's core: {@code POST} opens one with the file's name and
 * length, {@code PATCH} with {@code Upload-Offset} appends bytes, {@code HEAD} tells the offset to
 * resume from after a broken connection, and a complete upload is published by naming it in the
 * {@code upload} part of {@code POST /api/datasets} (or {@code /versions}) instead of a file part.
 */
@Path("uploads")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CONTRIBUTOR)
public class UploadResource {

  /** The body type of a chunk, as in tus. */
  public static final String CHUNK = "application/offset+octet-stream";

  private static final Logger LOG = Logger.getLogger(UploadResource.class.getName());

  @Inject ResumableUploads uploads;
  @Inject CurrentAccount currentAccount;

  /** Where an upload stands, as JSON. */
  public record UploadDocument(
      String id, String fileName, long offset, long length, boolean complete, String expiresAt) {
    static UploadDocument of(Status s) {
      return new UploadDocument(
          s.id().toString(),
          s.fileName(),
          s.offset(),
          s.length(),
          s.complete(),
          s.expiresAt().toString());
    }
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Open a resumable upload: body {\"fileName\": \"...\", \"length\": bytes}")
  public Response open(JsonObject body) throws IOException {
    String fileName = text(body, "fileName");
    long length = number(body, "length");
    try {
      Status status = ApiProblem.translate(() -> uploads.open(caller(), fileName, length));
      return withOffset(Response.created(URI.create("uploads/" + status.id())), status)
          .entity(UploadDocument.of(status))
          .build();
    } catch (LocalUploadArea.TooLargeException e) {
      throw new ApiProblem(Response.Status.REQUEST_ENTITY_TOO_LARGE, e.getMessage());
    }
  }

  @HEAD
  @Path("{id}")
  @Operation(summary = "Where the upload stands: headers Upload-Offset and Upload-Length")
  public Response offset(@PathParam("id") String id) throws IOException {
    return withOffset(Response.ok(), status(id)).build();
  }

  @GET
  @Path("{id}")
  @Operation(summary = "Where the upload stands")
  public UploadDocument get(@PathParam("id") String id) throws IOException {
    return UploadDocument.of(status(id));
  }

  @PATCH
  @Path("{id}")
  @Consumes(CHUNK)
  @Operation(
      summary =
          "Append bytes from the offset in header Upload-Offset; 409 with the current offset when"
              + " it is elsewhere")
  public Response append(
      @PathParam("id") String id, @HeaderParam("Upload-Offset") Long offset, InputStream bytes)
      throws IOException {
    UUID upload = uploadId(id);
    if (offset == null || offset < 0) {
      throw new ApiProblem(
          Response.Status.BAD_REQUEST, "a chunk needs the header Upload-Offset: <bytes so far>");
    }
    try {
      Status status = uploads.append(caller(), upload, offset, bytes);
      return withOffset(Response.noContent(), status).build();
    } catch (UnknownUploadException e) {
      throw new ApiProblem(Response.Status.NOT_FOUND, e.getMessage());
    } catch (LocalUploadArea.OffsetMismatchException e) {
      throw new ApiProblem(Response.Status.CONFLICT, e.getMessage());
    } catch (LocalUploadArea.UploadBusyException e) {
      throw new ApiProblem(Response.Status.CONFLICT, e.getMessage());
    } catch (LocalUploadArea.TooLargeException e) {
      throw new ApiProblem(
          Response.Status.REQUEST_ENTITY_TOO_LARGE, "more bytes than the upload's declared length");
    } catch (IOException broken) {
      // the client went away mid-chunk; what arrived is on disk, HEAD tells it where to resume
      LOG.info(() -> "upload " + upload + ": connection broke off (" + broken.getMessage() + ")");
      throw new ApiProblem(Response.Status.BAD_REQUEST, "the chunk broke off; resume with HEAD");
    }
  }

  @DELETE
  @Path("{id}")
  @Operation(summary = "Cancel the upload; its bytes are deleted")
  public Response cancel(@PathParam("id") String id) {
    UUID upload = uploadId(id);
    try {
      uploads.cancel(caller(), upload);
    } catch (UnknownUploadException e) {
      throw new ApiProblem(Response.Status.NOT_FOUND, e.getMessage());
    }
    return Response.noContent().build();
  }

  private Status status(String id) throws IOException {
    UUID upload = uploadId(id);
    try {
      return uploads.status(caller(), upload);
    } catch (UnknownUploadException e) {
      throw new ApiProblem(Response.Status.NOT_FOUND, e.getMessage());
    }
  }

  private static Response.ResponseBuilder withOffset(Response.ResponseBuilder r, Status s) {
    return r.header("Upload-Offset", s.offset())
        .header("Upload-Length", s.length())
        .header("Cache-Control", "no-store");
  }

  static UUID uploadId(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new ApiProblem(Response.Status.NOT_FOUND, "no upload " + id);
    }
  }

  private ContributorId caller() {
    return new ContributorId(currentAccount.get().subject());
  }

  private static String text(JsonObject body, String name) {
    JsonValue value = body == null ? null : body.get(name);
    if (value instanceof JsonString s && !s.getString().isBlank()) {
      return s.getString();
    }
    throw new ApiProblem(Response.Status.BAD_REQUEST, "the body needs \"" + name + "\": \"...\"");
  }

  private static long number(JsonObject body, String name) {
    JsonValue value = body == null ? null : body.get(name);
    if (value instanceof JsonNumber n && n.isIntegral()) {
      return n.longValueExact();
    }
    throw new ApiProblem(Response.Status.BAD_REQUEST, "the body needs \"" + name + "\": <bytes>");
  }
}
