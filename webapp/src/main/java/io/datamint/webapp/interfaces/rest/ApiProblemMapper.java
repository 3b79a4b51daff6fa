package io.datamint.webapp.interfaces.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Writes an {@link ApiProblem} as a problem document with its detail for the client. */
@Provider
public class ApiProblemMapper implements ExceptionMapper<ApiProblem> {

  @Override
  public Response toResponse(ApiProblem problem) {
    return Response.status(problem.status())
        .type(ProblemMapper.PROBLEM)
        .entity(
            new ProblemMapper.Problem(
                problem.status().getReasonPhrase(),
                problem.status().getStatusCode(),
                problem.getMessage(),
                null))
        .build();
  }
}
