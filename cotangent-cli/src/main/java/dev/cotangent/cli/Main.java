package dev.cotangent.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code cotangent} command: the entry point that picocli dispatches to subcommands. */
@Command(name = "cotangent", mixinStandardHelpOptions = true, version = "cotangent 0.1.0",
        description = "Automatic differentiation for the JVM: derivatives explained step by step.")
public final class Main implements Runnable {
    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }
}
