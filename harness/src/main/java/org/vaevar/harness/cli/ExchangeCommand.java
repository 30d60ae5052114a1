package org.vaevar.harness.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vaevar.api.method.AssimilationMethod;
import org.vaevar.api.util.Seeds;
import org.vaevar.assimilation.Vaevar;
import org.vaevar.assimilation.config.ConfigException;
import org.vaevar.assimilation.config.ExperimentConfig;
import org.vaevar.assimilation.config.Presets;
import org.vaevar.assimilation.config.RunOptions;
import org.vaevar.assimilation.experiment.BackgroundExchange;
import org.vaevar.assimilation.experiment.Calibration;
import org.vaevar.assimilation.experiment.CycledExperiment;
import org.vaevar.assimilation.experiment.ExperimentResult;
import org.vaevar.assimilation.method.VariationalMethod;
import org.vaevar.harness.io.AtomicFiles;
import org.vaevar.harness.io.NumberFormats;
import org.vaevar.harness.io.ProgressBar;
import org.vaevar.harness.io.TextTable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code vaevar exchange A B ...}: runs each experiment as {@code run} does (tuning included), then lets every
 * tuned method analyse every run's recorded backgrounds with the same observations ({@link BackgroundExchange}).
 * The experiments must describe one twin (model, observations, seed, calibration, window, minimizer); they differ
 * in their prior, its tuning, or the method's options.
 */
@Command(name = "exchange", mixinStandardHelpOptions = true, version = Main.VERSION,
        description = "Every variational method analyses every method's backgrounds: analysis skill from common "
                + "backgrounds, apart from the backgrounds a method's own cycling leads to.")
final class ExchangeCommand implements java.util.concurrent.Callable<Integer> {

    /** Config fields that may differ between the experiments compared: what a method is, and its tuning. */
    private static final Set<String> METHOD_FIELDS = Set.of("name", "description", "prior", "method", "tuning",
            "expected");

    @CommandLine.Parameters(arity = "2..*", paramLabel = "PRESET_OR_FILE",
            description = "Two or more presets or configs of the same twin, e.g. l63-3dvar l63-vae3dvar.")
    List<String> experiments;

    @CommandLine.Mixin
    ConfigOverrides overrides = new ConfigOverrides();

    @CommandLine.Option(names = "--cycles", description = "Assimilation cycles of each run (overrides the configs').")
    Integer cycles;

    @CommandLine.Option(names = "--csv", paramLabel = "FILE", description = "Also write the matrix as CSV.")
    Path csv;

    @CommandLine.Option(names = "--overwrite", description = "Replace an existing --csv file.")
    boolean overwrite;

    @CommandLine.Mixin
    QuietOption quiet = new QuietOption();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws java.io.IOException {
        List<ExperimentConfig> configs = configs();
        if (csv != null) {
            TrainPriorCommand.checkOut(csv, overwrite);
        }
        List<String> labels = configs.stream().map(ExperimentConfig::name).toList();
        List<List<BackgroundExchange.Window>> sources = new ArrayList<>();
        List<AssimilationMethod> analysts = new ArrayList<>();
        List<Double> backgroundRmse = new ArrayList<>();
        Calibration.Outcome calibration = null;
        BackgroundExchange.Result result;
        try (ProgressBar bar = ProgressBar.forTerminal(quiet.quiet)) {
            for (ExperimentConfig config : configs) {
                CycledExperiment experiment = Vaevar.experiment(config, new RunOptions(Home.cacheDirectory(), bar));
                BackgroundExchange.Recorder recorder = new BackgroundExchange.Recorder(config.spinupCycles());
                ExperimentResult run = experiment.run(recorder);
                AssimilationMethod method = experiment.setting().method("method", run.method(), run.prior(),
                        config.window());
                List<BackgroundExchange.Window> windows = recorder.windows();
                if (!sources.isEmpty() && !Arrays.equals(windows.get(0).truth(), sources.get(0).get(0).truth())) {
                    throw new IllegalStateException(config.name() + ": its truth differs from " + labels.get(0)
                            + "'s although the twins were checked to be equal");
                }
                sources.add(windows);
                analysts.add(method);
                backgroundRmse.add(run.run().meanRmseBackground());
                if (calibration == null) {
                    calibration = experiment.setting().calibrationIfRun();
                }
            }
            result = BackgroundExchange.exchange(sources, analysts, Seeds.derive(configs.get(0).seed(), "exchange"));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(table(labels, sources, backgroundRmse, result, calibration).render());
        out.println("rows: whose cycled run made the backgrounds; \"by X\": X's mean analysis RMSE from those"
                + " backgrounds and the same observations (the diagonal is the run's own); δ = xᵗ − xb after spin-up,"
                + " kurtosis 3 for a Gaussian.");
        if (csv != null) {
            TrainPriorCommand.checkOut(csv, overwrite);
            AtomicFiles.writeString(csv, csv(labels, sources, backgroundRmse, result));
            out.println("csv: " + csv);
        }
        out.flush();
        return 0;
    }

    /** The configs, with the given overrides; a value given for the tuned parameter switches its tuning off. */
    private List<ExperimentConfig> configs() {
        List<String> extra = cycles == null ? List.of() : List.of("cycles=" + cycles);
        List<ExperimentConfig> configs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (String e : experiments) {
            ExperimentConfig c = RunCommand.untuned(Presets.load(e, overrides.overrides(extra)));
            if (!names.add(c.name())) {
                throw new IllegalArgumentException(e + ": named twice (" + c.name() + "); compare different methods");
            }
            if (!VariationalMethod.NAME.equals(c.methodOrDefault().name())) {
                throw new ConfigException(c.name() + ": method.name = " + c.methodOrDefault().name() + ": exchange "
                        + "compares variational methods (an ensemble drawn anew around each background is not the"
                        + " ensemble its run carried)");
            }
            if (!configs.isEmpty()) {
                sameTwin(configs.get(0), c);
            }
            configs.add(c);
        }
        return configs;
    }

    /** Refuses a config whose twin or protocol differs from the first's, naming the first differing field. */
    private static void sameTwin(ExperimentConfig first, ExperimentConfig other) {
        Map<String, Object> a = twinFields(first);
        Map<String, Object> b = twinFields(other);
        Set<String> keys = new java.util.LinkedHashSet<>(a.keySet());
        keys.addAll(b.keySet());
        for (String k : keys) {
            if (!java.util.Objects.equals(a.get(k), b.get(k))) {
                throw new ConfigException(other.name() + ": " + k + " = " + b.get(k) + " differs from "
                        + first.name() + "'s " + a.get(k) + "; exchange compares methods on one twin setting");
            }
        }
    }

    private static Map<String, Object> twinFields(ExperimentConfig c) {
        Map<String, Object> m = new LinkedHashMap<>(c.toMap());
        m.keySet().removeAll(METHOD_FIELDS);
        return m;
    }

    private static TextTable table(List<String> labels, List<List<BackgroundExchange.Window>> sources,
                                   List<Double> backgroundRmse, BackgroundExchange.Result r,
                                   Calibration.Outcome calibration) {
        List<String> header = new ArrayList<>(List.of("backgrounds of", "rmse b", "δ sd", "δ kurtosis"));
        for (String l : labels) {
            header.add("by " + l);
        }
        TextTable t = new TextTable(header);
        for (int i = 0; i < labels.size(); i++) {
            BackgroundExchange.ErrorMoments m = BackgroundExchange.moments(sources.get(i));
            List<Object> row = new ArrayList<>(List.of(labels.get(i), NumberFormats.fixed(backgroundRmse.get(i), 3),
                    NumberFormats.fixed(m.sd(), 3), NumberFormats.fixed(m.kurtosis(), 1)));
            for (int j = 0; j < labels.size(); j++) {
                row.add(NumberFormats.fixed(r.rmse()[i][j], 3) + (i == j ? "" : " (better in "
                        + Math.round(100 * r.winShare()[i][j]) + " %)"));
            }
            t.addRow(row.toArray());
        }
        if (calibration != null) {
            BackgroundExchange.ErrorMoments m = BackgroundExchange.moments(calibration.samples());
            List<Object> row = new ArrayList<>(List.of("(training samples)", "", NumberFormats.fixed(m.sd(), 3),
                    NumberFormats.fixed(m.kurtosis(), 1)));
            labels.forEach(l -> row.add(""));
            t.addRow(row.toArray());
        }
        return t;
    }

    private static String csv(List<String> labels, List<List<BackgroundExchange.Window>> sources,
                              List<Double> backgroundRmse, BackgroundExchange.Result r) {
        StringBuilder sb = new StringBuilder("source,rmseBackground,errorSd,errorKurtosis,analyst,rmseAnalysis,"
                + "shareBetterThanSource\n");
        for (int i = 0; i < labels.size(); i++) {
            BackgroundExchange.ErrorMoments m = BackgroundExchange.moments(sources.get(i));
            for (int j = 0; j < labels.size(); j++) {
                sb.append(labels.get(i)).append(',').append(backgroundRmse.get(i)).append(',').append(m.sd())
                        .append(',').append(m.kurtosis()).append(',').append(labels.get(j)).append(',')
                        .append(r.rmse()[i][j]).append(',').append(r.winShare()[i][j]).append('\n');
            }
        }
        return sb.toString();
    }
}
