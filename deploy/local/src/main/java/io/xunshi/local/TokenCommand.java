package io.xunshi.local;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "token",
        description = { "Prints a development bearer token, signed with the local platform's key, for a role and a",
                "home jurisdiction. Use it as: curl -H \"Authorization: Bearer $(./xunshi token ...)\" ..." })
final class TokenCommand implements Callable<Integer> {

    private static final List<String> ROLES = List.of("inspection-office", "team-leader", "team-member",
            "rectification-owner", "discipline-liaison", "organisation-liaison", "identity-reader", "clue-officer",
            "auditor", "operator", "public");

    @Spec
    private CommandSpec spec;

    @Mixin
    private DataDirOption dataDir;

    @Option(names = "--role", required = true, split = ",", paramLabel = "ROLE",
            description = "One or more of: inspection-office, team-leader, team-member, rectification-owner,"
                    + " discipline-liaison, organisation-liaison, identity-reader, clue-officer, auditor, operator,"
                    + " public.")
    private List<String> roles;

    @Option(names = "--jurisdiction", required = true, paramLabel = "CODE",
            description = "The caller's home jurisdiction: a GB/T 2260 code such as 440000, or 000000 for the Centre.")
    private String jurisdiction;

    @Option(names = "--subject", paramLabel = "NAME",
            description = "Who the caller is (default: <role>@<jurisdiction>).")
    private String subject;

    @Option(names = "--organisation", paramLabel = "ID",
            description = "The organisation the caller acts for, e.g. the rectifying organisation of a case, which a"
                    + " rectification-owner needs (default: none).")
    private String organisation;

    @Option(names = "--valid-for", paramLabel = "DURATION", defaultValue = "PT8H",
            description = "How long the token is valid, ISO-8601 (default: ${DEFAULT-VALUE}).")
    private Duration validFor;

    @Override
    public Integer call() {
        for (String role : roles) {
            if (!ROLES.contains(role)) {
                throw new ParameterException(spec.commandLine(), "Unknown role '" + role + "'. Roles: "
                        + String.join(", ", ROLES) + ".");
            }
        }
        if (!jurisdiction.matches("\\d{6}|\\d{12}")) {
            throw new ParameterException(spec.commandLine(), "--jurisdiction must be a 6- or 12-digit code.");
        }
        LocalSigningKey key = new LocalSigningKey(dataDir.layout(Installation.ofLauncher()));
        String name = subject != null ? subject : roles.get(0) + "@" + jurisdiction;
        if (organisation != null && organisation.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--organisation must name an organisation id.");
        }
        spec.commandLine().getOut().println(key.sign(name, roles, jurisdiction, organisation, validFor));
        return 0;
    }
}
