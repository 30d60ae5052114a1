package org.vaevar.harness.reproduce;

import java.util.List;
import java.util.Map;
import org.vaevar.harness.experiment.Calibration;

/**
 * What a setting's calibration did (the training samples of every prior come from it): how well its loose 3D-Var
 * and its tuned sample-B 3D-Var tracked the truth. Large RMSE here means the priors learn the errors of a filter
 * that barely tracks.
 *
 * @param settingId       the setting
 * @param samples         number of (xb, xᵗ) samples
 * @param looseRmse       mean analysis RMSE of the loose 3D-Var
 * @param scaleRmse       mean analysis RMSE per scale of the first sample B (+∞: diverged)
 * @param chosenScale     the scale kept
 * @param sampleRunRmse   mean analysis RMSE of each run that produced the samples
 */
public record CalibrationSummary(String settingId, int samples, double looseRmse, Map<Double, Double> scaleRmse,
                                 double chosenScale, List<Double> sampleRunRmse) {

    public CalibrationSummary {
        scaleRmse = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(scaleRmse));
        sampleRunRmse = List.copyOf(sampleRunRmse);
    }

    static CalibrationSummary of(String settingId, Calibration.Outcome o) {
        return new CalibrationSummary(settingId, o.samples().size(), o.looseRmseAnalysis(), o.scaleRmse(),
                o.chosenScale(), o.sampleRunRmseAnalysis());
    }

    /** Mean RMSE of the sample runs. */
    public double sampleRmse() {
        return sampleRunRmse.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }
}
