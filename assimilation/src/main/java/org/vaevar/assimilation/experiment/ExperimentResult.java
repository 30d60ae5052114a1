package org.vaevar.assimilation.experiment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vaevar.assimilation.config.ExperimentConfig;
import org.vaevar.assimilation.config.PluginConfig;

/**
 * The outcome of a {@link CycledExperiment}: the evaluation run, how the prior was tuned and calibrated, and the
 * summary written to {@code summary.json}.
 *
 * @param config      the experiment as run
 * @param prior       the prior as evaluated (with the tuned value filled in), or {@code null} for a method that
 *                    uses none (an ensemble)
 * @param method      the method section as evaluated (with the tuned value filled in)
 * @param run         the evaluation run
 * @param tuned       what was tuned, or {@code null} if untuned
 * @param tuning      the tuning grid and its mean analysis RMSE (+∞ where the run diverged); empty if untuned
 * @param calibration the calibration outcome, or {@code null} if no prior asked for samples
 * @param priorDescription what the prior reports about itself (file, training losses, ...), or {@code null}
 * @param methodDescription what the method reports about itself
 * @param wallSeconds the whole experiment, calibration, training and tuning included
 * @param rounds      the self-consistent rounds of the prior (empty without)
 * @param roundsInitialRmse the tuning RMSE before the rounds (NaN without)
 */
public record ExperimentResult(ExperimentConfig config, PluginConfig prior, PluginConfig method, RunResult run,
                               TuningTarget tuned, List<TuningPoint> tuning, Calibration.Outcome calibration,
                               Map<String, Object> priorDescription, Map<String, Object> methodDescription,
                               double wallSeconds, List<SelfConsistentRounds.Round> rounds,
                               double roundsInitialRmse) {

    public ExperimentResult {
        rounds = List.copyOf(rounds);
    }

    /** One value of the tuned parameter and the mean analysis RMSE it gave on the tuning seed. */
    public record TuningPoint(double value, double rmseAnalysis) {
    }

    /** The tuned parameter's chosen value, or {@code null} if untuned. */
    public Object tunedValue() {
        if (tuned == null) {
            return null;
        }
        return (tuned.tunesMethod() ? method : prior).parameters().get(tuned.parameter());
    }

    /** The tuned parameter as a config path names it ("inflation" of the prior, "method.inflation"). */
    public String tunedLabel() {
        return tuned == null ? null : tuned.tunesMethod() ? "method." + tuned.parameter() : tuned.parameter();
    }

    /** A short label: the prior for a variational method, else the method with its size. */
    public String methodLabel() {
        return prior != null ? prior.name() : method.name();
    }

    public double msPerCycle() {
        return run.msPerCycle();
    }

    /** The summary as written to summary.json. */
    public Map<String, Object> summary() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", config.name());
        s.put("model", config.model().toMap());
        if (!config.perfectModel()) {
            s.put("truthModel", config.truthModelOrForecast().toMap());
        }
        s.put("observations", config.observations().toMap());
        Map<String, Object> me = new LinkedHashMap<>(method.toMap());
        me.putAll(methodDescription);
        s.put("method", me);
        if (prior != null) {
            Map<String, Object> p = new LinkedHashMap<>(prior.toMap());
            p.putAll(priorDescription);
            s.put("prior", p);
            s.put("minimizer", config.minimizer().toMap());
        }
        s.put("window", config.window());
        s.put("cycles", config.cycles());
        s.put("spinupCycles", config.spinupCycles());
        s.put("seed", config.seed());
        Map<String, Object> rmse = new LinkedHashMap<>();
        rmse.put("background", run.meanRmseBackground());
        rmse.put("analysis", run.meanRmseAnalysis());
        rmse.put("analysisWindowStart", run.meanRmseAnalysisStart());
        s.put("rmse", rmse);
        if (Double.isFinite(run.meanSpreadAnalysis())) {
            Map<String, Object> spread = new LinkedHashMap<>();
            spread.put("background", run.meanSpreadBackground());
            spread.put("analysis", run.meanSpreadAnalysis());
            spread.put("spreadSkill", run.spreadSkill());
            s.put("spread", spread);
        }
        if (config.expected() != null) {
            // In a fixed order (Map.of's changes from one JVM to the next), so equal runs write equal bytes.
            Map<String, Object> expected = new LinkedHashMap<>();
            expected.put("rmse", config.expected().rmse());
            expected.put("tolerance", config.expected().tolerance());
            s.put("expected", expected);
        }
        s.put("wallSeconds", wallSeconds);
        s.put("msPerCycle", msPerCycle());
        s.put("timeShares", run.timing().shares());
        Map<String, Object> min = new LinkedHashMap<>();
        min.put("meanIterations", run.meanIterations());
        min.put("meanEvaluations", run.meanEvaluations());
        if (Double.isFinite(run.meanTwoJoPerObservationAnalysis())) {
            // The χ² check: with consistent B and R, 2 Jo / m at the analysis stays below 1.
            min.put("meanTwoJoPerObservationFirstGuess", run.meanTwoJoPerObservationFirstGuess());
            min.put("meanTwoJoPerObservationAnalysis", run.meanTwoJoPerObservationAnalysis());
        }
        s.put("minimization", min);
        if (!tuning.isEmpty()) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("parameter", tunedLabel());
            t.put("grid", tuning.stream().map(TuningPoint::value).toList());
            t.put("rmseAnalysis", tuning.stream().map(TuningPoint::rmseAnalysis).map(ExperimentResult::jsonNumber)
                    .toList());
            t.put("chosen", tunedValue());
            s.put("tuning", t);
        }
        if (calibration != null) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("samples", calibration.samples().size());
            if (calibration.method() == null) {
                c.put("looseRmseAnalysis", calibration.looseRmseAnalysis());
                c.put("scaleGrid", List.copyOf(calibration.scaleRmse().keySet()));
                c.put("scaleRmseAnalysis", calibration.scaleRmse().values().stream().map(ExperimentResult::jsonNumber)
                        .toList());
                c.put("looseRmseAnalysisOnScaleSeed", jsonNumber(calibration.looseOnScaleSeed()));
            }
            c.put("source", calibration.sampleSource().key());
            c.put("samplesFrom", calibration.source());
            c.put("sampleRunsRmseAnalysis", calibration.sampleRunRmseAnalysis());
            if (!rounds.isEmpty()) {
                // Tuning-seed RMSE before the rounds, then after each (kept only if it fell).
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("initialTuningRmseAnalysis", jsonNumber(roundsInitialRmse));
                r.put("tuningRmseAnalysis", rounds.stream().map(x -> jsonNumber(x.tuningRmse())).toList());
                r.put("kept", rounds.stream().map(SelfConsistentRounds.Round::kept).toList());
                r.put("samples", rounds.stream().map(SelfConsistentRounds.Round::samples).toList());
                r.put("meanCorrection", rounds.stream().map(x -> jsonNumber(x.meanCorrection())).toList());
                r.put("sampleRunsRmseAnalysis", rounds.stream().map(x -> jsonNumber(x.sampleRunRmse())).toList());
                c.put("rounds", r);
            }
            s.put("calibration", c);
        }
        s.put("config", config.toMap());
        return s;
    }

    /** JSON has no infinity: a diverged run is recorded as the string "diverged". */
    private static Object jsonNumber(double d) {
        return Double.isFinite(d) ? d : "diverged";
    }
}
