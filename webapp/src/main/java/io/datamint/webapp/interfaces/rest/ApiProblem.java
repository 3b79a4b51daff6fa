package io.datamint.webapp.interfaces.rest;

import io.datamint.domain.application.PublishingService;
import io.datamint.webapp.infrastructure.publishing.ResumableUploads;
import jakarta.ws.rs.core.Response;

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
  public static <T, E extends Exception> T translate(UseCase<T, E> useCase) throws E {
    try {
      return useCase.run();
    } catch (PublishingService.UnknownDatasetException e) {
      throw new ApiProblem(Response.Status.NOT_FOUND, e.getMessage());
    } catch (ResumableUploads.UnknownUploadException e) {
      throw new ApiProblem(Response.Status.NOT_FOUND, e.getMessage());
    } catch (PublishingService.NotPermittedException e) {
      throw new ApiProblem(Response.Status.FORBIDDEN, e.getMessage());
    } catch (IllegalStateException e) {
      throw new ApiProblem(Response.Status.CONFLICT, e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new ApiProblem(Response.Status.BAD_REQUEST, e.getMessage());
    }
  }

  /** A call into the application; E is what it may throw besides the translated exceptions. */
  @FunctionalInterface
  public interface UseCase<T, E extends Exception> {
    T run() throws E;
  }
}
