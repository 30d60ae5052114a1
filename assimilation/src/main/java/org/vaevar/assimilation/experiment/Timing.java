package org.vaevar.assimilation.experiment;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a run's time went, in nanoseconds: model (forecasts and linearisations), adjoint model, observation
 * operator, prior (transform, adjoint, penalty) and the minimizer's own work (the rest of the minimisations).
 */
public record Timing(long totalNanos, long modelNanos, long adjointNanos, long observationNanos, long priorNanos,
                     long minimizerNanos) {

    public Timing plus(Timing o) {
        return new Timing(totalNanos + o.totalNanos, modelNanos + o.modelNanos, adjointNanos + o.adjointNanos,
                observationNanos + o.observationNanos, priorNanos + o.priorNanos, minimizerNanos + o.minimizerNanos);
    }

    /** Shares of the total, for summary.json. */
    public Map<String, Object> shares() {
        Map<String, Object> m = new LinkedHashMap<>();
        double t = Math.max(totalNanos, 1);
        m.put("model", modelNanos / t);
        m.put("adjoint", adjointNanos / t);
        m.put("observationOperator", observationNanos / t);
        m.put("prior", priorNanos / t);
        m.put("minimizer", minimizerNanos / t);
        m.put("other", Math.max(0, totalNanos - modelNanos - adjointNanos - observationNanos - priorNanos
                - minimizerNanos) / t);
        return m;
    }
}
