package org.vaevar.harness.reproduce;

import java.util.List;
import org.vaevar.assimilation.config.PluginConfig;
import org.vaevar.assimilation.experiment.ExperimentResult;
import org.vaevar.harness.io.NumberFormats;

/**
 * What tuning on the tuning seed chose for a method: the candidate prior and the value of its scalar with the
 * lowest mean analysis RMSE, and every point tried.
 *
 * @param candidate  label of the chosen candidate (e.g. {@code B circulant})
 * @param prior      the chosen configuration with the tuned value set: the prior, or an ensemble method's section
 * @param value      the tuned value
 * @param tuningRmse its mean analysis RMSE on the tuning seed
 * @param atGridEdge the value is the smallest or largest the search tried (an end of the grid for the grid search;
 *                   for the log-scale search an end of its reach, left only at its hard range or out of budget):
 *                   the optimum may lie outside
 * @param tried      every candidate's tuning curve (+∞ where a run diverged)
 */
public record TuningChoice(String candidate, PluginConfig prior, double value, double tuningRmse,
                           boolean atGridEdge, List<CandidateCurve> tried) {

    /** One candidate's tuning curve; empty points and a message if every value diverged. */
    public record CandidateCurve(String candidate, List<ExperimentResult.TuningPoint> points, String divergence) {
        public CandidateCurve {
            points = List.copyOf(points);
        }
    }

    public TuningChoice {
        tried = List.copyOf(tried);
    }

    /** "B circulant, inflation 0.8024", with " (grid edge)" when {@link #atGridEdge}; the candidate alone when untuned. */
    public String label(String tunedParameter) {
        if (Double.isNaN(value)) {
            return candidate;
        }
        String s = candidate + ", " + tunedParameter + " " + NumberFormats.compact(value);
        return atGridEdge ? s + " (grid edge)" : s;
    }

    /** Whether {@code value} is the smallest or largest of more than one value tried (in any order). */
    public static boolean atEdge(List<Double> tried, double value) {
        if (tried.size() < 2) {
            return false;
        }
        double lo = tried.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double hi = tried.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        return value == lo || value == hi;
    }
}
