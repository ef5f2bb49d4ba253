package io.xunshi.kernel.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.runtime.StartupEvent;

/**
 * Refuses to start a service that would verify tokens without knowing whose they must be: with no issuer
 * ({@code mp.jwt.verify.issuer}, in production from {@code MP_JWT_VERIFY_ISSUER}) or no audience
 * ({@code mp.jwt.verify.audiences}), a signature by the trusted key would be the only check. Failing here, at
 * startup, keeps the pod from ever becoming ready instead of answering requests with a weaker check.
 */
@ApplicationScoped
public class TokenSettings {

    void check(@Observes StartupEvent started) {
        String issuer = required("mp.jwt.verify.issuer", "MP_JWT_VERIFY_ISSUER");
        String audiences = required("mp.jwt.verify.audiences", "MP_JWT_VERIFY_AUDIENCES");
        if (issuer.isBlank() || audiences.isBlank()) {
            throw new IllegalStateException("the token issuer and audience must not be blank");
        }
    }

    private static String required(String property, String environment) {
        try {
            return ConfigProvider.getConfig().getValue(property, String.class);
        } catch (RuntimeException missing) {
            throw new IllegalStateException("no " + property + " is configured: set " + environment
                    + " to the identity provider's value; tokens are not accepted without it", missing);
        }
    }
}
