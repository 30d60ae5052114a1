package org.vaevar.harness.cli;

import java.io.PrintWriter;
import org.vaevar.assimilation.config.Presets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Lists the shipped experiment presets with their one-line descriptions. */
@Command(name = "presets", mixinStandardHelpOptions = true, version = Main.VERSION,
        description = "List the experiment presets shipped under experiments/.")
final class PresetsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        for (String name : Presets.names()) {
            out.printf("  %-16s %s%n", name, Presets.load(name).description());
        }
        out.flush();
    }
}
