package io.datamint.webapp.interfaces.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** Activates JAX-RS under {@code /api} and the MicroProfile JWT mechanism for it. */
@ApplicationPath("/api")
@LoginConfig(authMethod = "MP-JWT")
@ApplicationScoped
@OpenAPIDefinition(
    info =
        @Info(
            title = "Datamint API",
            version = "0.1",
            description =
                "Datasets, labeling campaigns and purchases. Authenticate with a Keycloak"
                    + " access token: Authorization: Bearer <token>."),
    security = @SecurityRequirement(name = "keycloak"))
@SecurityScheme(
    securitySchemeName = "keycloak",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT")
public class RestApplication extends Application {}
