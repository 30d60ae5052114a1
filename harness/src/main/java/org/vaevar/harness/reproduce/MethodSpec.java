package org.vaevar.harness.reproduce;

import java.util.List;
import org.vaevar.assimilation.config.PluginConfig;

/**
 * One assimilation method of the comparison: a family (variational with a Gaussian or a learned prior, or the
 * ensemble reference), a window length, the configurations it may choose between on the tuning seed, and the one
 * scalar it tunes.
 *
 * @param name           the method as the table shows it: {@code 3dvar}, {@code 4dvar}, {@code vae-3dvar},
 *                       {@code etkf}, ...
 * @param family         Gaussian baseline, learned prior, or ensemble reference
 * @param window         K, observation times per window (1: 3D-Var, 3: 4D-Var; 1 for the ensemble)
 * @param candidates     configurations compared on the tuning seed, each tuned over the whole grid (the Gaussian
 *                       on Lorenz 96: sample B and circulant B); the lowest tuning RMSE is evaluated. A candidate's
 *                       configuration is the prior section of a variational method, and the method section of an
 *                       ensemble method (which uses no prior)
 * @param tunedParameter the parameter tuned over the schedule's grid ({@code inflation}, {@code latentScale}): of
 *                       the prior, or of the ensemble method
 * @param reference      the Gaussian method the improvement is measured against (same window); {@code null} for a
 *                       Gaussian or ensemble method
 * @param ablation       for an ablation variant, what was switched (e.g. {@code latentPenalty=false}); else
 *                       {@code null}
 * @param ablationOf     for an ablation variant, the full method it varies (e.g. {@code vae-3dvar}); else null
 */
public record MethodSpec(String name, Family family, int window, List<Candidate> candidates, String tunedParameter,
                         String reference, String ablation, String ablationOf) {

    /**
     * Which kind of method: variational with a Gaussian prior (the baseline) or a learned prior (compared with the
     * baseline), or an ensemble filter, shown beside them as a reference and compared with neither.
     */
    public enum Family { GAUSSIAN, LEARNED, ENSEMBLE }

    /**
     * One configuration a method may use.
     *
     * @param label     as the table shows it, e.g. {@code B circulant}
     * @param prior     the prior configuration (without the tuned value); for an ensemble method its method section
     * @param gridScale the schedule's tuning grid is multiplied by this for this candidate: a climatological B is
     *                  several times wider than a B of background errors, so its useful inflations are smaller;
     *                  the number of values, the budget, stays the same
     * @param source    the sample source ({@code calibration.sources}) whose samples this candidate learns from, or
     *                  {@code null} for one that uses no samples (a climatological B, an ensemble method): it runs on
     *                  the setting's first source
     */
    public record Candidate(String label, PluginConfig prior, double gridScale, String source) {
        public Candidate {
            if (!(gridScale > 0) || !Double.isFinite(gridScale)) {
                throw new IllegalArgumentException("candidate " + label + ": gridScale = " + gridScale
                        + ": must be positive and finite");
            }
        }

        public Candidate(String label, PluginConfig prior, double gridScale) {
            this(label, prior, gridScale, null);
        }

        public Candidate(String label, PluginConfig prior) {
            this(label, prior, 1.0, null);
        }

        /**
         * {@code label} once per source, each learning from that source's samples; the label names the source
         * ({@code B samples, ensemble samples}) only where there is more than one to choose from.
         */
        static List<Candidate> perSource(String label, PluginConfig prior, double gridScale,
                                         CalibrationSources sources) {
            return sources.names().stream().map(n -> new Candidate(sources.several() ? label + ", " + n + " samples"
                    : label, prior, gridScale, n)).toList();
        }
    }

    public MethodSpec {
        if (window < 1) {
            throw new IllegalArgumentException("method " + name + ": window = " + window + ": must be at least 1");
        }
        candidates = List.copyOf(candidates);
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("method " + name + ": candidates = []: needs at least one prior");
        }
        if ((family == Family.LEARNED) != (reference != null)) {
            throw new IllegalArgumentException("method " + name + ": a learned method needs a Gaussian reference, "
                    + "a Gaussian or ensemble method has none (reference = " + reference + ")");
        }
        if (family == Family.ENSEMBLE && window != 1) {
            throw new IllegalArgumentException("method " + name + ": window = " + window + ": an ensemble method "
                    + "assimilates one observation time per cycle (window 1)");
        }
    }

    /** An ensemble filter: its candidates are method sections, and it is a reference, not a contender. */
    public boolean isEnsemble() {
        return family == Family.ENSEMBLE;
    }

    /** The method as tables, figures and the page show it: the ensemble marked as reference. */
    public String displayName() {
        String n = isAblation() ? name + " [" + ablation + "]" : name;
        return isEnsemble() ? n + " (reference)" : n;
    }

    public boolean isAblation() {
        return ablation != null;
    }

    /** The method with its ablation, for file names and messages: {@code vae-3dvar[latentPenalty=false]}. */
    public String key() {
        return ablation == null ? name : name + "[" + ablation + "]";
    }
}
