package io.datamint.webapp.interfaces.rest;

import io.datamint.domain.application.PublishingService;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;

/**
 * A failure the client caused and can fix, with a detail written for them (unlike {@link
 * ProblemMapper}, which hides everything it does not know); written by {@link ApiProblemMapper}.
 */
public class ApiProblem extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final Response.StatusType status;

  public ApiProblem(Response.StatusType status, String detail) {
    super(detail);
    this.status = status;
  }

  public Response.StatusType status() {
    return status;
  }

  /**
   * Runs a use case, turning what the domain says about the request into problems: no such dataset
   * 404, not yours 403, not now 409, not valid 400.
   */
  public static <T> T translate(Supplier<T> useCase) {
    try {
      return useCase.get();
    } catch (PublishingService.UnknownDatasetException e) {
      throw new ApiProblem(Response.Status.NOT_FOUND, e.getMessage());
    } catch (PublishingService.NotPermittedException e) {
      throw new ApiProblem(Response.Status.FORBIDDEN, e.getMessage());
    } catch (IllegalStateException e) {
      throw new ApiProblem(Response.Status.CONFLICT, e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new ApiProblem(Response.Status.BAD_REQUEST, e.getMessage());
    }
  }
}
