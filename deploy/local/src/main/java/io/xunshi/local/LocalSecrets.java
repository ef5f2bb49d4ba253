package io.xunshi.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The local platform's secrets directory ({@code <data>/secrets}): the token signing key, the privacy master key,
 * the PostgreSQL superuser's and the Kafka principals' passwords. The directory is its owner's only (0700, and
 * made so again on every start if someone loosened it), and every file in it is written 0600.
 */
final class LocalSecrets {

    private final Path directory;

    LocalSecrets(DataLayout data) {
        this.directory = data.root().resolve("secrets");
    }

    /** The directory, created 0700 if missing and set back to 0700 if it is not. */
    Path directory() {
        try {
            if (!Files.isDirectory(directory)) {
                Files.createDirectories(directory.getParent());
                Files.createDirectory(directory,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the secrets directory " + directory, e);
        }
    }

    /** A file in the directory. */
    Path file(String name) {
        return directory().resolve(name);
    }

    /** Writes {@code content} into a new file readable by its owner only, replacing any earlier one. */
    Path write(String name, String content) {
        Path file = file(name);
        try {
            Files.deleteIfExists(file);
            Files.writeString(Files.createFile(file,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))), content);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The random text kept in {@code name}, made (from 24 random bytes) on first use. */
    String randomValue(String name) {
        Path file = file(name);
        try {
            if (!Files.exists(file)) {
                byte[] bytes = new byte[24];
                new SecureRandom().nextBytes(bytes);
                write(name, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + "\n");
            }
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
