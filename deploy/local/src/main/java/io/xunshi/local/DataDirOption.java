package io.xunshi.local;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** The data directory option, shared by every command. */
final class DataDirOption {

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "${env:XUNSHI_DATA_DIR}",
            description = "Where data, logs and PID files live (env XUNSHI_DATA_DIR; default: data/ in the repository).")
    private Path dataDirectory;

    DataLayout layout(Installation installation) {
        return new DataLayout(dataDirectory != null ? dataDirectory : installation.repository().resolve("data"));
    }
}
