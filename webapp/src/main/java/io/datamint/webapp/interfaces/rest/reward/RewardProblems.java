package io.datamint.webapp.interfaces.rest.reward;

import io.datamint.domain.application.CampaignService.UnknownCampaignException;
import io.datamint.domain.model.campaign.CampaignId;
import io.datamint.webapp.interfaces.rest.ApiProblem;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/** {@link ApiProblem#translate} plus the campaigns' unknown → 404, and campaign ids from paths. */
final class RewardProblems {

  private RewardProblems() {}

  static <T> T translate(ApiProblem.UseCase<T, RuntimeException> useCase) {
    return ApiProblem.translate(
        () -> {
          try {
            return useCase.run();
          } catch (UnknownCampaignException e) {
            throw new ApiProblem(Response.Status.NOT_FOUND, e.getMessage());
          }
        });
  }

  static CampaignId campaignId(String id) {
    try {
      return new CampaignId(UUID.fromString(id));
    } catch (IllegalArgumentException e) {
      throw new ApiProblem(Response.Status.NOT_FOUND, "no campaign " + id);
    }
  }
}
