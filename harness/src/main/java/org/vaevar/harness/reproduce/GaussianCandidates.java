package org.vaevar.harness.reproduce;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vaevar.assimilation.config.PluginConfig;

/**
 * The Gaussian baseline's candidates of a setting: one per covariance of its system, crossed in an imperfect-model
 * setting with each mean correction (a learned prior learns the bias of its training corrections, so the baseline
 * may too). A climatological B's candidate tunes over the tuning grid times {@code climatologyGridScale}.
 *
 * @param prior                the prior plugin ({@code gaussian})
 * @param tunedParameter       its tuned scalar ({@code inflation})
 * @param covariances          per system, the {@code covariance} values compared on the tuning seed
 * @param imperfectModelMeans  the {@code mean} values compared in an imperfect-model setting
 * @param climatologyGridScale the grid factor of the {@code climatology} covariance
 */
record GaussianCandidates(String prior, String tunedParameter, Map<String, List<String>> covariances,
                          List<String> imperfectModelMeans, double climatologyGridScale) {

    /** The covariance that needs no samples: the climatology of a free run. */
    static final String CLIMATOLOGY = "climatology";

    GaussianCandidates {
        covariances = Map.copyOf(covariances);
        imperfectModelMeans = List.copyOf(imperfectModelMeans);
    }

    /**
     * Labelled {@code B <covariance>} (with {@code , mean <mean>} in an imperfect-model setting); a B of samples
     * (every covariance but {@code climatology}) once per sample source, the climatological B once.
     */
    List<MethodSpec.Candidate> of(SettingSpec s, CalibrationSources sources) {
        List<String> means = s.perfectModel() ? List.of("zero") : imperfectModelMeans;
        List<MethodSpec.Candidate> c = new ArrayList<>();
        for (String mean : means) {
            for (String cov : covariances.get(s.system())) {
                PluginConfig p = PluginConfig.of(prior, "covariance", cov);
                String label = "B " + cov;
                if (!s.perfectModel()) {
                    p = p.with("mean", mean);
                    label += ", mean " + mean;
                }
                if (cov.equals(CLIMATOLOGY)) {
                    c.add(new MethodSpec.Candidate(label, p, climatologyGridScale));
                } else {
                    c.addAll(MethodSpec.Candidate.perSource(label, p, 1.0, sources));
                }
            }
        }
        return List.copyOf(c);
    }
}
