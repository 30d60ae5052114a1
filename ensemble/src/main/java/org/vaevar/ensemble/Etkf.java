package org.vaevar.ensemble;

import org.vaevar.api.plugin.MethodContext;

/**
 * The ensemble transform Kalman filter in the symmetric-square-root form of Hunt et al. (2007): the analysis
 * member k is x̄ + Σ_j (w_j + T_kj) A_j with w = C⁻¹ S d and T = √(N−1) C^{-1/2}, C = S Sᵀ + (N−1) I
 * ({@link EnsembleTransform}). Deterministic, mean-preserving; with linear H its mean and covariance are the
 * Kalman update of the forecast ensemble's own mean and covariance.
 */
final class Etkf extends EnsembleMethod {

    static final String NAME = "etkf";

    private final Solver solver;

    Etkf(MethodContext context, EnsembleSettings settings, Solver solver) {
        super(NAME, context, settings);
        this.solver = solver;
    }

    @Override
    public java.util.Map<String, Object> describe() {
        java.util.Map<String, Object> m = super.describe();
        m.put(Solver.PARAMETER, solver.label());
        return m;
    }

    @Override
    Analysis newAnalysis() {
        int n = settings.size();
        EnsembleTransform transform = new EnsembleTransform(n, solver);
        Reshaping reshaping = new Reshaping(n);
        double[][] w = new double[n][n];
        return (e, rotation, random) -> {
            transform.factor(e.s, e.d, null, null);
            transform.etkfWeights(w);
            if (settings.reshapes()) {
                reshaping.apply(w, settings.inflation(), rotation);
            }
            e.update(w, 0, e.dimension);
        };
    }
}
