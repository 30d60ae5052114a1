package org.vaevar.api.contract;

/**
 * Bounds of the contract tests (docs/DESIGN.md §4). Override {@code tolerances()} in a contract subclass to loosen
 * or tighten one, e.g. {@code Tolerances.standard().withAdjoint(1e-5)} for a float network.
 *
 * @param exactness       TL(0) = 0, AD(0) = 0, linearity TL(a·dx) = a·TL(dx): relative error bound
 * @param taylor          minimum over ε of the relative Taylor remainder
 * @param slope           allowed distance of the mid-range log-log slope of the absolute remainder from 2
 * @param adjoint         relative mismatch of ⟨M'dx, dy⟩ and ⟨dx, M'ᵀdy⟩
 * @param gradient        |1 − ratio| of the finite-difference and analytic directional derivatives at the best ε
 */
public record Tolerances(double exactness, double taylor, double slope, double adjoint, double gradient) {

    public static Tolerances standard() {
        return new Tolerances(1e-12, 1e-7, 0.1, 1e-12, 1e-6);
    }

    public Tolerances withExactness(double v) {
        return new Tolerances(v, taylor, slope, adjoint, gradient);
    }

    public Tolerances withTaylor(double v) {
        return new Tolerances(exactness, v, slope, adjoint, gradient);
    }

    public Tolerances withSlope(double v) {
        return new Tolerances(exactness, taylor, v, adjoint, gradient);
    }

    public Tolerances withAdjoint(double v) {
        return new Tolerances(exactness, taylor, slope, v, gradient);
    }

    public Tolerances withGradient(double v) {
        return new Tolerances(exactness, taylor, slope, adjoint, v);
    }
}
