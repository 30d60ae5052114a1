package org.vaevar.harness.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vaevar.api.BackgroundPrior;
import org.vaevar.harness.Vaevar;
import org.vaevar.harness.config.ConfigException;
import org.vaevar.harness.config.ExperimentConfig;
import org.vaevar.harness.config.PluginConfig;
import org.vaevar.harness.config.Presets;
import org.vaevar.harness.experiment.RunOptions;
import org.vaevar.harness.experiment.TwinSetting;
import org.vaevar.harness.report.ProgressBar;
import org.vaevar.harness.report.TextTable;
import org.vaevar.priors.vae.TrainingSummary;
import org.vaevar.priors.vae.VaePrior;
import org.vaevar.priors.vae.io.VaeModelFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code vaevar train-vae PRESET_OR_FILE --out FILE}: runs the experiment's calibration, trains its {@code vae} prior
 * on the calibration samples and saves the model file (atomically), for {@code --set prior.file=FILE} later.
 */
@Command(name = "train-vae", description = "Train the experiment's VAE prior on its calibration samples and save it.")
final class TrainVaeCommand implements java.util.concurrent.Callable<Integer> {

    @CommandLine.Parameters(index = "0", paramLabel = "PRESET_OR_FILE",
            description = "A preset or config whose prior is vae (e.g. l63-vae3dvar).")
    String experiment;

    @CommandLine.Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to save the prior.")
    Path out;

    @CommandLine.Option(names = "--seed", description = "Master seed (overrides the config's).")
    Long seed;

    @CommandLine.Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a config field.")
    List<String> overrides = new ArrayList<>();

    @CommandLine.Option(names = {"-q", "--quiet"}, description = "No progress bar.")
    boolean quiet;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        List<String> all = new ArrayList<>(overrides);
        if (seed != null) {
            all.add("seed=" + seed);
        }
        ExperimentConfig config = Presets.load(experiment, all);
        PluginConfig prior = config.prior();
        if (!prior.name().equals("vae")) {
            throw new ConfigException("prior.name = " + prior.name() + ": train-vae needs a vae prior (a vae preset, "
                    + "or --set 'prior={\"name\":\"vae\"}')");
        }
        if (prior.parameters().containsKey("file")) {
            throw new ConfigException("prior.file = " + prior.parameters().get("file") + ": train-vae trains a new "
                    + "prior; remove the file parameter");
        }
        PrintWriter stdout = spec.commandLine().getOut();
        try (ProgressBar bar = ProgressBar.forTerminal(quiet)) {
            TwinSetting setting = Vaevar.setting(config, new RunOptions(Home.cacheDirectory(), bar));
            BackgroundPrior trained = setting.prior("prior", prior);
            bar.close();
            VaePrior vae = (VaePrior) trained;
            VaeModelFile.write(vae.model(), out);
            TrainingSummary t = vae.trainingSummary();
            TextTable table = new TextTable("file", "samples", "epochs", "best", "train loss", "val loss", "seconds");
            table.addRow(out.toString(), t.trainingSamples() + t.validationSamples(), t.epochsRun(), t.bestEpoch(),
                    t.trainLoss(), t.validationLoss(), t.seconds());
            stdout.println(table.render());
            stdout.println("use it with: ./vaevar run " + experiment + " --set prior.file=" + out);
            stdout.flush();
        }
        return 0;
    }
}
