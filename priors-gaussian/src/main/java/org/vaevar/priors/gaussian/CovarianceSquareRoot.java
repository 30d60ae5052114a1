package org.vaevar.priors.gaussian;

/**
 * A square root L of a covariance, L Lᵀ = B, applied as the tangent-linear (L v) and adjoint (Lᵀ w) of the
 * Gaussian control transform. L is n × p: p = n for the square ones, p &gt; n for a modulated ensemble (whose
 * control has a block per member). Both products write into a caller's array: they run once per cost
 * evaluation, and may run concurrently (a prior is shared by parallel runs), so they keep no mutable state.
 */
public sealed interface CovarianceSquareRoot
        permits DenseSquareRoot, DiagonalSquareRoot, CirculantSquareRoot, ModulatedEnsembleSquareRoot {

    /** n: the rows of L (the state dimension). */
    int dimension();

    /** p: the columns of L (the control dimension); n unless overridden. */
    default int controlDimension() {
        return dimension();
    }

    /** How L is applied, for summaries: dense, diagonal, circulant-fft or modulated-ensemble. */
    String method();

    /** out (n entries) = L v (v: p entries). */
    void multiply(double[] v, double[] out);

    /** out (p entries) = Lᵀ w (w: n entries). */
    void multiplyTranspose(double[] w, double[] out);

    /** L as a dense row-major n×p matrix (a copy; for diagnostics and tests). */
    double[] matrix();
}
