package org.vaevar.harness.cli;

import java.io.PrintWriter;
import org.vaevar.harness.io.ExitStatus;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ./vaevar}: the command line. Every error ends with one line naming the field or path and a non-zero exit
 * code ({@link ExitStatus}): 2 bad input, 3 diverged, 4 cannot write the output, 1 unexpected.
 */
@Command(name = "vaevar", mixinStandardHelpOptions = true, version = Main.VERSION,
        description = "Variational data assimilation with pluggable background priors (Gaussian, VAE).",
        subcommands = {PluginsCommand.class, PresetsCommand.class, RunCommand.class, TrainPriorCommand.class,
                ExchangeCommand.class,
                ReproduceCommand.class, SweepCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    static final String VERSION = "vaevar 0.1.0";

    public static final int EXIT_BAD_INPUT = ExitStatus.BAD_INPUT;
    public static final int EXIT_DIVERGED = ExitStatus.DIVERGED;
    public static final int EXIT_CANNOT_WRITE = ExitStatus.CANNOT_WRITE;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code (for tests). */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> report(e, commandLine.getErr()));
        return cli.execute(args);
    }

    private static int report(Throwable e, PrintWriter err) {
        int code = ExitStatus.of(e);
        err.println("vaevar: " + ExitStatus.message(e));
        if (code == ExitStatus.UNEXPECTED) {
            ExitStatus.unwrap(e).printStackTrace(err);
        }
        err.flush();
        return code;
    }
}
