package io.datamint.webapp.interfaces.rest.campaign;

import io.datamint.domain.application.CampaignService.UnknownCampaignException;
import io.datamint.domain.application.LabelingService.UnknownLeaseException;
import io.datamint.webapp.interfaces.rest.ApiProblem;
import jakarta.ws.rs.core.Response;

/** Adds the campaign use cases' exceptions to {@link ApiProblem#translate}: unknown → 404. */
final class CampaignProblems {

  private CampaignProblems() {}

  static <T> T translate(ApiProblem.UseCase<T, RuntimeException> useCase) {
    return ApiProblem.translate(
        () -> {
          try {
            return useCase.run();
          } catch (UnknownCampaignException | UnknownLeaseException e) {
            throw new ApiProblem(Response.Status.NOT_FOUND, e.getMessage());
          }
        });
  }

  static ApiProblem badRequest(String detail) {
    return new ApiProblem(Response.Status.BAD_REQUEST, detail);
  }
}
