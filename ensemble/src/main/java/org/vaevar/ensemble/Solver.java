package org.vaevar.ensemble;

import java.util.Locale;
import org.vaevar.api.plugin.Parameter;
import org.vaevar.api.plugin.Parameters;

/**
 * How the filters factorise the N×N ensemble-space matrix C = S Sᵀ + (N − 1) I. Both give the same analysis up to
 * rounding; a chaotic run amplifies rounding differences over many cycles, so the two give the same RMSE, not the
 * same {@code cycles.csv}. {@link #NATIVE} is the default: several times faster at these sizes.
 */
enum Solver {

    /** Commons Math's {@code EigenDecomposition} for C⁻¹ and C^{-1/2}: the library reference. */
    COMMONS,
    /**
     * {@link SymmetricEigen} for the ETKF and LETKF, a {@link Cholesky} factorisation for the EnKF (which needs only
     * C⁻¹): vectorised row loops, several times faster at these sizes.
     */
    NATIVE;

    static final String PARAMETER = "solver";

    static Parameter<String> parameter() {
        return Parameter.text(PARAMETER, "native", "factorisation of the ensemble-space matrix: native (own vectorised "
                + "solvers, several times faster) or commons (Commons Math eigendecomposition, the same analyses up "
                + "to rounding)").oneOf("commons", "native");
    }

    static Solver from(Parameters p) {
        return valueOf(p.text(PARAMETER).toUpperCase(Locale.ROOT));
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
