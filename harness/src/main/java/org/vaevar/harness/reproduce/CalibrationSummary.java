package org.vaevar.harness.reproduce;

import java.util.List;
import java.util.Map;
import org.vaevar.assimilation.experiment.Calibration;

/**
 * What a setting's calibration did (the training samples of every prior come from it): how well its loose 3D-Var
 * and the 3D-Var that made the samples tracked the truth. Large RMSE here means the priors learn the errors of a filter
 * that barely tracks.
 *
 * @param settingId       the setting
 * @param samples         number of (xb, xᵗ) samples
 * @param looseRmse       mean analysis RMSE of the loose 3D-Var
 * @param scaleRmse       mean analysis RMSE per scale of the first sample B (+∞: diverged)
 * @param chosenScale     the scale of the first sample B that made the samples; NaN when the loose prior did
 * @param sampleRunRmse   mean analysis RMSE of each run that produced the samples
 * @param climatologyRmse the RMSE of the climatological mean used as the estimate, √(mean_i var_i) over a free run
 *                        of the forecast model: a method that does not beat it does not track the truth
 * @param trainingSeconds the learned prior's training time as it reports it (its first training, if it came from
 *                        the cache), NaN without a learned prior
 * @param source          what the sample runs collected (a {@code calibration.sources} entry: 3dvar, window, nmc,
 *                        ensemble; or method)
 * @param windowSampleRunRmse with source window, the sample runs' mean RMSE per window (the 3D-Var's above)
 * @param rounds          per prior family and window with self-consistent rounds: the tuning RMSE before the rounds,
 *                        then after each round (kept only while it fell)
 */
public record CalibrationSummary(String settingId, int samples, double looseRmse, Map<Double, Double> scaleRmse,
                                 double chosenScale, List<Double> sampleRunRmse, double climatologyRmse,
                                 double trainingSeconds, String source, Map<Integer, Double> windowSampleRunRmse,
                                 Map<String, List<Double>> rounds) {

    public CalibrationSummary {
        scaleRmse = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(scaleRmse));
        sampleRunRmse = List.copyOf(sampleRunRmse);
        windowSampleRunRmse = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(windowSampleRunRmse));
        rounds = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(rounds));
    }

    /** This summary with the rounds the setting's priors ran (known only once they were tuned). */
    CalibrationSummary withRounds(Map<String, org.vaevar.assimilation.experiment.SelfConsistentRounds.Result> r) {
        Map<String, List<Double>> m = new java.util.TreeMap<>();
        r.forEach((k, v) -> {
            List<Double> curve = new java.util.ArrayList<>();
            curve.add(v.initialRmse());
            v.rounds().forEach(x -> curve.add(x.tuningRmse()));
            m.put(k, List.copyOf(curve));
        });
        return new CalibrationSummary(settingId, samples, looseRmse, scaleRmse, chosenScale, sampleRunRmse,
                climatologyRmse, trainingSeconds, source, windowSampleRunRmse, m);
    }

    /** The summary of one sample source's calibration; {@code source} names it as {@code calibration.sources} does. */
    static CalibrationSummary of(String settingId, String source, Calibration.Outcome o, double[][] climatology,
                                 double trainingSeconds, Map<Integer, Calibration.Outcome> perWindow) {
        Map<Integer, Double> windows = new java.util.TreeMap<>();
        perWindow.forEach((w, x) -> windows.put(w, x.sampleRunRmseAnalysis().stream()
                .mapToDouble(Double::doubleValue).average().orElse(Double.NaN)));
        return new CalibrationSummary(settingId, o.samples().size(), o.looseRmseAnalysis(), o.scaleRmse(),
                o.chosenScale(), o.sampleRunRmseAnalysis(), climatologyRmse(climatology), trainingSeconds,
                source, windows, Map.of());
    }

    /** What made the samples, for the results page: "sample B × 2.0", "loose prior", "… (window)". */
    public String madeBy() {
        boolean method = "method".equals(source) || CalibrationSources.ENSEMBLE.equals(source);
        String tuned = method ? source : Double.isNaN(chosenScale) ? "loose prior" : "sample B × " + chosenScale;
        return "3dvar".equals(source) || method ? tuned : tuned + " (" + source + ")";
    }

    /** √(mean_i var_i): the expected RMSE of the climatological mean as an estimate of a climatological state. */
    public static double climatologyRmse(double[][] states) {
        int n = states[0].length;
        double total = 0;
        for (int i = 0; i < n; i++) {
            double mean = 0;
            for (double[] x : states) {
                mean += x[i];
            }
            mean /= states.length;
            double var = 0;
            for (double[] x : states) {
                var += (x[i] - mean) * (x[i] - mean);
            }
            total += var / (states.length - 1);
        }
        return Math.sqrt(total / n);
    }

    /** Mean RMSE of the sample runs. */
    public double sampleRmse() {
        return sampleRunRmse.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }
}
