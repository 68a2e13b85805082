package dev.cotangent.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options every subcommand shares: the expression and the point. */
final class ExpressionOptions {
    @Parameters(index = "0", paramLabel = "EXPR",
            description = "The expression, e.g. \"y*log(x) + sqrt(y*log(x))\" (quote it for the shell); "
                    + "'-' reads it from standard input.")
    String expression;

    @Option(names = "--at", paramLabel = "NAME=VALUE[,...]",
            description = "The point: a value for every variable, e.g. --at x=2,y=3 (values may be arithmetic: "
                    + "x=pi/4). Their order is the order of the results.")
    List<String> at = new ArrayList<>();
}
