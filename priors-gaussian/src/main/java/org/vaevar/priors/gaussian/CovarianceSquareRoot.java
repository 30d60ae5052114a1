package org.vaevar.priors.gaussian;

/**
 * A square root L of a covariance, L Lᵀ = B, applied as the tangent-linear (L v) and adjoint (Lᵀ w) of the
 * Gaussian control transform. Both write into a caller's array: they run once per cost evaluation.
 */
public sealed interface CovarianceSquareRoot permits DenseSquareRoot, DiagonalSquareRoot, CirculantSquareRoot {

    /** n: L is n×n. */
    int dimension();

    /** out = L v. */
    void multiply(double[] v, double[] out);

    /** out = Lᵀ w. */
    void multiplyTranspose(double[] w, double[] out);

    /** L as a dense row-major n×n matrix (a copy; for diagnostics and tests). */
    double[] matrix();
}
