package org.vaevar.harness.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vaevar.assimilation.Vaevar;
import org.vaevar.assimilation.config.ExperimentConfig;
import org.vaevar.assimilation.config.Presets;
import com.google.inject.Injector;
import com.google.inject.Key;
import org.vaevar.api.DynamicalModel;
import org.vaevar.api.plugin.PriorProvider;
import org.vaevar.assimilation.inject.Forecast;
import org.vaevar.harness.report.RunSize;
import org.vaevar.assimilation.experiment.CycleObserver;
import org.vaevar.assimilation.experiment.CycledExperiment;
import org.vaevar.assimilation.experiment.ExperimentResult;
import org.vaevar.assimilation.experiment.TrajectoryRecorder;
import org.vaevar.harness.io.Json;
import org.vaevar.assimilation.config.RunOptions;
import org.vaevar.harness.report.RunChecks;
import org.vaevar.harness.report.CyclesCsv;
import org.vaevar.harness.report.ObservationsCsv;
import org.vaevar.harness.report.RmseSeries;
import org.vaevar.harness.report.RunReport;
import org.vaevar.harness.report.TrajectoriesCsv;
import org.vaevar.harness.reproduce.CalibrationSummary;
import org.vaevar.harness.io.ProgressBar;
import org.vaevar.harness.io.RunDirectory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code vaevar run PRESET_OR_FILE}: one cycled twin experiment, its files, and a table on the terminal. */
@Command(name = "run", mixinStandardHelpOptions = true, version = Main.VERSION,
        description = "Run a cycled twin experiment from a preset or a JSON config file.")
final class RunCommand implements java.util.concurrent.Callable<Integer> {

    @CommandLine.Parameters(index = "0", paramLabel = "PRESET_OR_FILE",
            description = "A preset name (see 'vaevar presets') or a path to a .json config.")
    String experiment;

    @CommandLine.Option(names = "--out", paramLabel = "DIR",
            description = "Run directory (default: runs/<name>-seed<seed>). Written atomically: it appears only when"
                    + " the run completed.")
    Path out;

    @CommandLine.Mixin
    ConfigOverrides configOverrides = new ConfigOverrides();

    @CommandLine.Option(names = "--cycles", description = "Assimilation cycles (overrides the config's).")
    Integer cycles;

    @CommandLine.Option(names = "--overwrite", description = "Replace an existing run directory.")
    boolean overwrite;

    @CommandLine.Option(names = "--no-states", description = "Do not write the run's states and observations as"
            + " data (" + TrajectoriesCsv.FILE + ", " + ObservationsCsv.FILE + "): about 20 bytes per number, so"
            + " gigabytes at large N.")
    boolean noStates;

    @CommandLine.Mixin
    ComputeThreadsOption computeThreads = new ComputeThreadsOption();

    @CommandLine.Mixin
    QuietOption quiet = new QuietOption();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        computeThreads.apply();
        List<String> all = configOverrides.overrides(cycles == null ? List.of() : List.of("cycles=" + cycles));
        PrintWriter stderr = spec.commandLine().getErr();
        // --cycles below the config's spin-up: the spin-up shrinks in proportion, unless it was set explicitly.
        if (cycles != null && cycles >= 1 && configOverrides.sets.stream().noneMatch(o -> o.trim().startsWith("spinupCycles="))) {
            List<String> others = new ArrayList<>(all);
            others.remove("cycles=" + cycles);
            ExperimentConfig base = Presets.load(experiment, others);
            if (base.spinupCycles() >= cycles) {
                int scaled = (int) ((long) base.spinupCycles() * cycles / base.cycles());
                all.add("spinupCycles=" + scaled);
                stderr.println("vaevar: notice: --cycles " + cycles + ": spin-up scaled to " + scaled + " cycles (the"
                        + " config has " + base.spinupCycles() + " of " + base.cycles() + "); choose it with --set"
                        + " spinupCycles=N");
                stderr.flush();
            }
        }
        ExperimentConfig config = Presets.load(experiment, all);
        // A value given for the tuned parameter (--set prior.inflation=3, or in the config's prior section) is
        // used as given: tuning is switched off for it, and the summary says so.
        String untuned = untunedParameter(config);
        config = untuned(config);
        Path dir = out != null ? out : Path.of("runs", config.name() + "-seed" + config.seed());
        RunDirectory.checkTarget(dir, overwrite);
        PrintWriter stdout = spec.commandLine().getOut();
        try (ProgressBar bar = ProgressBar.forTerminal(quiet.quiet)) {
            // Every plugin is built (or validated) before the run directory exists: a bad name, parameter or
            // model file leaves nothing behind.
            Injector injector = Vaevar.injector(config, new RunOptions(Home.cacheDirectory(), bar));
            DynamicalModel model = injector.getInstance(Key.get(DynamicalModel.class, Forecast.class));
            RunSize.check(config, model.dimension(), Runtime.getRuntime().maxMemory());
            double stateBytes = TrajectoriesCsv.estimatedBytes(config, model.dimension());
            if (!noStates && stateBytes > STATE_FILES_NOTICE_BYTES) {
                stderr.printf(java.util.Locale.ROOT, "vaevar: notice: the run's states as data (%s, %s) take up to"
                        + " about %.1f GB; --no-states skips them%n", TrajectoriesCsv.FILE, ObservationsCsv.FILE,
                        stateBytes / 1e9);
                stderr.flush();
            }
            CycledExperiment built = injector.getInstance(CycledExperiment.class);
            PriorProvider priorProvider = built.setting().priorProvider("prior", config.prior());
            if (priorProvider.modelFileParameter().filter(config.prior().parameters()::containsKey).isPresent()) {
                built.setting().prior("prior", config.prior());
            }
            try (RunDirectory run = RunDirectory.create(dir, overwrite)) {
                try {
                    // Memory stays flat in the number of cycles: the records and full states stream into the run
                    // directory as the cycles run (a failed run keeps what it wrote up to the failure, in its
                    // partial directory), the figures keep a bounded share.
                    TrajectoryRecorder trajectory = RunReport.trajectoryRecorder();
                    RmseSeries rmse = new RmseSeries(config.cycles(), config.spinupCycles());
                    ExperimentResult result;
                    try (CyclesCsv records = new CyclesCsv(run.path());
                         TrajectoriesCsv states = noStates ? null : new TrajectoriesCsv(run.path());
                         ObservationsCsv observations = noStates ? null : new ObservationsCsv(run.path())) {
                        result = built.run(java.util.stream.Stream.of(records, rmse, trajectory, states, observations)
                                .filter(java.util.Objects::nonNull).toArray(CycleObserver[]::new));
                    }
                    RunChecks checks = new RunChecks(CalibrationSummary.climatologyRmse(
                            built.setting().priorContext().climatology()), untuned);
                    bar.close();
                    RunReport.write(result, rmse, trajectory.trajectory(), run.path(), checks);
                    Path done = run.commit();
                    stdout.println(RunReport.terminalTable(result, checks));
                    stdout.println("run directory: " + done);
                    stdout.flush();
                    for (String warning : checks.warnings(result)) {
                        stderr.println("vaevar: warning: " + warning);
                    }
                    stderr.flush();
                } catch (RuntimeException | IOException e) {
                    run.abandon(e, Json.toPrettyString(config.toMap()));
                    throw e;
                }
            }
        }
        return 0;
    }

    /** Above this estimate of the state files' size, the run says so and how to skip them. */
    static final long STATE_FILES_NOTICE_BYTES = 1_000_000_000L;

    /** The tuned parameter when the config gives it a value (then it is not tuned), else {@code null}. */
    static String untunedParameter(ExperimentConfig config) {
        return config.tuning() != null && config.prior().parameters().containsKey(config.tuning().parameter())
                ? config.tuning().parameter() : null;
    }

    /** The config with its tuning switched off when it gives the tuned parameter a value. */
    static ExperimentConfig untuned(ExperimentConfig config) {
        return untunedParameter(config) == null ? config : config.withTuning(null);
    }
}
