package io.datamint.webapp.interfaces.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns every failure into an RFC 9457 problem document. Clients see the status, a short title and
 * an incident id they can quote; the stack trace goes to the log under the same id, never to them.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Exception> {

  private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());
  static final MediaType PROBLEM = MediaType.valueOf("application/problem+json");

  /** The problem document. */
  public record Problem(String title, int status, String detail, String incident) {}

  @Override
  public Response toResponse(Exception exception) {
    if (exception instanceof WebApplicationException web) {
      Response original = web.getResponse();
      Response.StatusType status = original.getStatusInfo();
      return Response.status(status)
          .type(PROBLEM)
          .entity(new Problem(status.getReasonPhrase(), status.getStatusCode(), null, null))
          .build();
    }
    String incident = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "incident " + incident, exception);
    return Response.serverError()
        .type(PROBLEM)
        .entity(
            new Problem(
                "Internal Server Error",
                500,
                "Something went wrong on our side; quote the incident id when reporting it.",
                incident))
        .build();
  }
}
