package org.vaevar.harness.cli;

import com.google.inject.ConfigurationException;
import com.google.inject.CreationException;
import com.google.inject.ProvisionException;
import java.io.PrintWriter;
import org.vaevar.assimilation.experiment.DivergenceException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ./vaevar}: the command line. Every error ends with one line naming the field and value and a non-zero exit:
 * 2 for bad input (config, plugin, data), 3 for a run that diverged, 1 for anything unexpected.
 */
@Command(name = "vaevar", mixinStandardHelpOptions = true, version = "vaevar 0.1.0",
        description = "Variational data assimilation with pluggable background priors (Gaussian, VAE).",
        subcommands = {PluginsCommand.class, PresetsCommand.class, RunCommand.class, TrainPriorCommand.class,
                ReproduceCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    public static final int EXIT_BAD_INPUT = 2;
    public static final int EXIT_DIVERGED = 3;

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
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> report(unwrap(e), commandLine.getErr()));
        return cli.execute(args);
    }

    private static int report(Throwable e, PrintWriter err) {
        if (e instanceof DivergenceException) {
            err.println("vaevar: " + e.getMessage());
            return EXIT_DIVERGED;
        }
        if (e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
            err.println("vaevar: error: " + e.getMessage());
            return EXIT_BAD_INPUT;
        }
        err.println("vaevar: unexpected failure: " + e);
        e.printStackTrace(err);
        return 1;
    }

    /** Guice wraps what a provider throws; the user wants the cause. */
    static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while (true) {
            Throwable cause = null;
            if (t instanceof ProvisionException p && !p.getErrorMessages().isEmpty()) {
                cause = p.getErrorMessages().iterator().next().getCause();
            } else if (t instanceof CreationException c && !c.getErrorMessages().isEmpty()) {
                cause = c.getErrorMessages().iterator().next().getCause();
            } else if (t instanceof ConfigurationException c && !c.getErrorMessages().isEmpty()) {
                cause = c.getErrorMessages().iterator().next().getCause();
            } else if (t instanceof java.util.concurrent.ExecutionException
                    || t instanceof java.util.concurrent.CompletionException) {
                cause = t.getCause();
            }
            if (cause == null || cause == t) {
                return t;
            }
            t = cause;
        }
    }
}
