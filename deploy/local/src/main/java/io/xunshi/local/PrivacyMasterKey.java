package io.xunshi.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The master key that wraps the services' per-subject keys of personal data. A local platform keeps one
 * in its data directory, made on first start and readable by its owner only, so that personal data
 * written before a restart can still be opened after it. {@code XUNSHI_PRIVACY_MASTER_KEY} in the
 * environment takes precedence.
 */
final class PrivacyMasterKey {

    static final String VARIABLE = "XUNSHI_PRIVACY_MASTER_KEY";

    private PrivacyMasterKey() {
    }

    static String forPlatform(DataLayout data) {
        String given = System.getenv(VARIABLE);
        if (given != null && !given.isBlank()) {
            return given;
        }
        Path file = data.root().resolve("secrets").resolve("privacy-master-key");
        try {
            if (!Files.exists(file)) {
                new LocalSecrets(data).directory();
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Files.writeString(Files.createFile(file,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))),
                        Base64.getEncoder().encodeToString(key));
            }
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep the privacy master key in " + file, e);
        }
    }
}
