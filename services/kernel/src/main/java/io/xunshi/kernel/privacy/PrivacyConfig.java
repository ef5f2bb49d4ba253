package io.xunshi.kernel.privacy;

import io.smallrye.config.ConfigMapping;

/** Configuration of personal-data protection. */
@ConfigMapping(prefix = "xunshi.privacy")
public interface PrivacyConfig {

    /**
     * The key-encryption key (base64 of 32 bytes) that wraps every subject's key before it is stored, so
     * that a copy of the database alone reveals nothing. Production takes it from a secret
     * ({@code XUNSHI_PRIVACY_MASTER_KEY}).
     */
    String masterKey();
}
