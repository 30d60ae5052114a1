package org.vaevar.harness.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vaevar.api.BackgroundPrior;
import org.vaevar.api.LearnedPrior;
import org.vaevar.assimilation.Vaevar;
import org.vaevar.assimilation.config.ConfigException;
import org.vaevar.assimilation.config.ExperimentConfig;
import org.vaevar.assimilation.config.PluginConfig;
import org.vaevar.assimilation.config.Presets;
import org.vaevar.assimilation.config.RunOptions;
import org.vaevar.assimilation.experiment.TwinSetting;
import org.vaevar.harness.io.ProgressBar;
import org.vaevar.harness.io.TextTable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code vaevar train-prior PRESET_OR_FILE --out FILE}: runs the experiment's calibration, trains its learned prior
 * (any prior whose provider declares a model-file parameter and which implements {@link LearnedPrior}) on the
 * calibration samples and saves the model file (atomically), for {@code --set prior.<file parameter>=FILE} later.
 */
@Command(name = "train-prior", mixinStandardHelpOptions = true, version = Main.VERSION,
        aliases = "train-vae",
        description = "Train the experiment's learned prior (e.g. vae) on its calibration samples and save it.")
final class TrainPriorCommand implements java.util.concurrent.Callable<Integer> {

    @CommandLine.Parameters(index = "0", paramLabel = "PRESET_OR_FILE",
            description = "A preset or config whose prior is learned (e.g. l63-vae3dvar).")
    String experiment;

    @CommandLine.Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to save the prior.")
    Path out;

    @CommandLine.Mixin
    ConfigOverrides overrides = new ConfigOverrides();

    @CommandLine.Option(names = "--overwrite", description = "Replace an existing model file at --out.")
    boolean overwrite;

    @CommandLine.Mixin
    QuietOption quiet = new QuietOption();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ExperimentConfig config = Presets.load(experiment, overrides.overrides(List.of()));
        checkOut(out, overwrite);
        PluginConfig prior = config.prior();
        PrintWriter stdout = spec.commandLine().getOut();
        try (ProgressBar bar = ProgressBar.forTerminal(quiet.quiet)) {
            TwinSetting setting = Vaevar.setting(config, new RunOptions(Home.cacheDirectory(), bar));
            String fileParameter = setting.priorProvider("prior", prior).modelFileParameter()
                    .orElseThrow(() -> new ConfigException("prior.name = " + prior.name() + ": this prior is not "
                            + "learned from samples, so there is no model to train and save"));
            if (prior.parameters().containsKey(fileParameter)) {
                throw new ConfigException("prior." + fileParameter + " = " + prior.parameters().get(fileParameter)
                        + ": train-prior trains a new prior; remove the " + fileParameter + " parameter");
            }
            BackgroundPrior trained = setting.prior("prior", prior);
            bar.close();
            if (!(trained instanceof LearnedPrior learned)) {
                throw new IllegalStateException("prior " + prior.name() + " declares the model-file parameter '"
                        + fileParameter + "' but cannot save itself");
            }
            checkOut(out, overwrite); // again: the file may have appeared while training
            learned.save(out);
            Map<String, Object> report = learned.trainingReport();
            List<String> header = new ArrayList<>(List.of("file"));
            header.addAll(report.keySet());
            TextTable table = new TextTable(header.toArray(String[]::new));
            List<Object> row = new ArrayList<>(List.of(out.toString()));
            row.addAll(report.values());
            table.addRow(row.toArray());
            stdout.println(table.render());
            stdout.println("use it with: ./vaevar run " + experiment + " --set prior." + fileParameter + "=" + out);
            stdout.flush();
        }
        return 0;
    }

    /** Refuses a directory, a path under a file, and an existing file unless {@code --overwrite}. */
    static void checkOut(Path out, boolean overwrite) {
        Path absolute = out.toAbsolutePath().normalize();
        if (out.toString().isBlank() || absolute.getFileName() == null) {
            throw new IllegalArgumentException("--out \"" + out + "\": not a file name");
        }
        if (Files.isDirectory(absolute)) {
            throw new IllegalArgumentException("--out " + out + ": is a directory; name the model file to write, e.g. "
                    + out.resolve("model.vaeprior"));
        }
        for (Path p = absolute.getParent(); p != null; p = p.getParent()) {
            if (Files.exists(p) && !Files.isDirectory(p)) {
                throw new IllegalArgumentException("--out " + out + ": " + p + " is a file, not a directory");
            }
        }
        if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isRegularFile(absolute, LinkOption.NOFOLLOW_LINKS)) {
                throw new IllegalArgumentException("--out " + out + ": exists and is not a regular file");
            }
            if (!overwrite) {
                throw new IllegalArgumentException("--out " + out + ": exists; choose another --out, or pass"
                        + " --overwrite to replace it");
            }
        }
    }
}
