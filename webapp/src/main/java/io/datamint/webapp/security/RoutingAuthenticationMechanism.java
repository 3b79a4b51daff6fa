package io.datamint.webapp.security;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Type;
import java.util.logging.Logger;

/**
 * The one authentication mechanism the container sees. The OpenID Connect mechanism (browsers) and
 * the MicroProfile JWT mechanism (API clients) are both CDI beans of the same type, which the
 * container would reject as ambiguous; this enabled alternative wins the resolution and hands each
 * request to the mechanism that fits it: the API and any request carrying a bearer token go to JWT,
 * so an API client gets a 401 instead of a redirect to a login page; everything else goes to OIDC.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class RoutingAuthenticationMechanism implements HttpAuthenticationMechanism {

  private static final Logger LOG =
      Logger.getLogger(RoutingAuthenticationMechanism.class.getName());

  static final String API_PATH = "/api/";

  @Inject @Any Instance<HttpAuthenticationMechanism> candidates;

  private volatile HttpAuthenticationMechanism browser;
  private volatile HttpAuthenticationMechanism api;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
      throws AuthenticationException {
    return delegateFor(request).validateRequest(request, response, context);
  }

  @Override
  public AuthenticationStatus secureResponse(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
      throws AuthenticationException {
    return delegateFor(request).secureResponse(request, response, context);
  }

  @Override
  public void cleanSubject(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    delegateFor(request).cleanSubject(request, response, context);
  }

  HttpAuthenticationMechanism delegateFor(HttpServletRequest request) {
    if (browser == null || api == null) {
      discover();
    }
    return isApiRequest(request) ? api : browser;
  }

  static boolean isApiRequest(HttpServletRequest request) {
    String authorization = request.getHeader("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return true;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.startsWith(API_PATH) || path.equals("/api");
  }

  /**
   * Finds the two mechanisms among the beans the runtime registered. Their classes are internals of
   * Payara, so they are recognised by name rather than by type.
   */
  private synchronized void discover() {
    if (browser != null && api != null) {
      return;
    }
    for (Instance.Handle<HttpAuthenticationMechanism> handle : candidates.handles()) {
      Bean<?> bean = handle.getBean();
      if (bean.getBeanClass() == RoutingAuthenticationMechanism.class) {
        continue;
      }
      String signature = describe(bean);
      if (signature.contains("openid")) {
        browser = handle.get();
      } else if (signature.contains("jwt")) {
        api = handle.get();
      }
      LOG.info(() -> "authentication mechanism found: " + signature);
    }
    if (browser == null || api == null) {
      throw new IllegalStateException(
          "expected an OpenID Connect and a MicroProfile JWT authentication mechanism, found "
              + (browser == null ? "no OpenID Connect one" : "no JWT one"));
    }
  }

  private static String describe(Bean<?> bean) {
    StringBuilder text = new StringBuilder(bean.getBeanClass().getName());
    for (Type type : bean.getTypes()) {
      text.append(' ').append(type.getTypeName());
    }
    return text.toString().toLowerCase(java.util.Locale.ROOT);
  }
}
