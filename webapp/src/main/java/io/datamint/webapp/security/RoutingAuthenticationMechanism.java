package io.datamint.webapp.security;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.PassivationCapable;
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

  @Inject BeanManager beanManager;

  private volatile HttpAuthenticationMechanism browser;
  private volatile HttpAuthenticationMechanism api;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
      throws AuthenticationException {
    if (isApiRequest(request) && !hasBearerToken(request)) {
      // The JWT mechanism "does nothing" without a token, which on a protected resource would let
      // the request through unauthenticated and answer an empty 200: refuse it properly instead.
      if (!context.isProtected()) {
        return context.doNothing();
      }
      response.setHeader("WWW-Authenticate", "Bearer realm=\"datamint\"");
      return context.responseUnauthorized();
    }
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

  static boolean hasBearerToken(HttpServletRequest request) {
    return isBearer(request.getHeader("Authorization"));
  }

  static boolean isApiRequest(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return isApiRequest(path, request.getHeader("Authorization"));
  }

  /** API calls are those under {@code /api} and any call that brings a bearer token. */
  static boolean isApiRequest(String pathInApplication, String authorizationHeader) {
    return isBearer(authorizationHeader)
        || pathInApplication.equals("/api")
        || pathInApplication.startsWith(API_PATH);
  }

  static boolean isBearer(String authorizationHeader) {
    return authorizationHeader != null
        && authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7);
  }

  /**
   * Finds the two mechanisms among the beans the runtime registered. Their classes are internals of
   * Payara, so they are recognised by name rather than by type. The bean manager is asked rather
   * than an {@code Instance}: iterating an {@code Instance} resolves ambiguity, which this enabled
   * alternative wins, so it would only ever yield this class itself.
   */
  private synchronized void discover() {
    if (browser != null && api != null) {
      return;
    }
    for (Bean<?> bean :
        beanManager.getBeans(HttpAuthenticationMechanism.class, Any.Literal.INSTANCE)) {
      if (bean.getBeanClass() == RoutingAuthenticationMechanism.class) {
        continue;
      }
      String signature = describe(bean);
      LOG.info(() -> "authentication mechanism found: " + signature);
      if (signature.contains("openid")) {
        browser = reference(bean);
      } else if (signature.contains("jwt")) {
        api = reference(bean);
      }
    }
    if (browser == null || api == null) {
      throw new IllegalStateException(
          "expected an OpenID Connect and a MicroProfile JWT authentication mechanism, found"
              + (browser == null ? " no OpenID Connect one" : "")
              + (api == null ? " no JWT one" : ""));
    }
  }

  private HttpAuthenticationMechanism reference(Bean<?> bean) {
    return (HttpAuthenticationMechanism)
        beanManager.getReference(
            bean, HttpAuthenticationMechanism.class, beanManager.createCreationalContext(bean));
  }

  private static String describe(Bean<?> bean) {
    StringBuilder text = new StringBuilder(bean.getBeanClass().getName());
    if (bean instanceof PassivationCapable capable) {
      text.append(' ').append(capable.getId());
    }
    text.append(' ').append(bean);
    for (Type type : bean.getTypes()) {
      text.append(' ').append(type.getTypeName());
    }
    return text.toString().toLowerCase(java.util.Locale.ROOT);
  }
}
