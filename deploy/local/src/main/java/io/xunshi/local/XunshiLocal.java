package io.xunshi.local;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** Runs the whole Xunshi platform on one machine with nothing installed but a JDK. */
@Command(name = "xunshi", mixinStandardHelpOptions = true, versionProvider = XunshiLocal.Version.class,
        scope = ScopeType.INHERIT,
        description = "Runs Kafka, PostgreSQL and the four Xunshi services on this machine, each as its own process.",
        subcommands = { RunCommand.class, StopCommand.class, StatusCommand.class, TokenCommand.class,
                DeadLettersCommand.class, VerifyCommand.class, CommandLine.HelpCommand.class })
public final class XunshiLocal implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(),
                "Missing command: run, stop, status, token, dead-letters or verify.");
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new XunshiLocal()).execute(args));
    }

    static final class Version implements CommandLine.IVersionProvider {

        @Override
        public String[] getVersion() {
            String version = XunshiLocal.class.getPackage().getImplementationVersion();
            return new String[]{ "xunshi-local " + (version != null ? version : "(development build)") };
        }
    }
}
