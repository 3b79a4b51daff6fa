package io.datamint.webapp.infrastructure.health;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * One HTTP question to a dependency, answered UP only by a 2xx within the timeout. Health checks
 * run often and in parallel with user traffic, so they never wait long.
 */
final class Probe {

  static final Duration TIMEOUT = Duration.ofSeconds(2);

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(TIMEOUT).version(HttpClient.Version.HTTP_1_1).build();

  private Probe() {}

  static HealthCheckResponse check(String name, URI endpoint, HttpRequest request) {
    HealthCheckResponseBuilder response =
        HealthCheckResponse.named(name).withData("endpoint", endpoint.toString());
    try {
      HttpResponse<String> answer = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
      boolean up = answer.statusCode() / 100 == 2;
      response.withData("status", answer.statusCode());
      return (up ? response.up() : response.down()).build();
    } catch (java.io.IOException e) {
      return response.down().withData("error", describe(e)).build();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return response.down().withData("error", "interrupted").build();
    }
  }

  static HttpRequest.Builder request(URI uri) {
    return HttpRequest.newBuilder(uri).timeout(TIMEOUT);
  }

  private static String describe(Exception e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
