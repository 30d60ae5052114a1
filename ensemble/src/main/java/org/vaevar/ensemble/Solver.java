package org.vaevar.ensemble;

import java.util.Locale;
import org.vaevar.api.plugin.Parameter;
import org.vaevar.api.plugin.Parameters;

/**
 * How the filters factorise the N×N ensemble-space matrix C = S Sᵀ + (N − 1) I. Both give the same analysis up to
 * rounding; a chaotic run amplifies rounding differences over many cycles, so only {@link #COMMONS} reproduces
 * earlier runs bit for bit.
 */
enum Solver {

    /** Commons Math's {@code EigenDecomposition} for C⁻¹ and C^{-1/2}: the reference results. */
    COMMONS,
    /**
     * {@link SymmetricEigen} for the ETKF and LETKF, a {@link Cholesky} factorisation for the EnKF (which needs only
     * C⁻¹): vectorised row loops, several times faster at these sizes.
     */
    NATIVE;

    static final String PARAMETER = "solver";

    static Parameter<String> parameter() {
        return Parameter.text(PARAMETER, "commons", "factorisation of the ensemble-space matrix: commons (Commons "
                + "Math eigendecomposition, reproduces earlier runs bit for bit) or native (own vectorised solvers, "
                + "same results up to rounding, faster)").oneOf("commons", "native");
    }

    static Solver from(Parameters p) {
        return valueOf(p.text(PARAMETER).toUpperCase(Locale.ROOT));
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
