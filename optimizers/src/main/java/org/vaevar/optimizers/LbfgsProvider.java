package org.vaevar.optimizers;

import org.vaevar.api.Minimizer;
import org.vaevar.api.plugin.InvalidParameterException;
import org.vaevar.api.plugin.MinimizerProvider;
import org.vaevar.api.plugin.Parameter;
import org.vaevar.api.plugin.ParameterSpec;
import org.vaevar.api.plugin.Parameters;

/** Provides {@link Lbfgs} as minimizer {@code lbfgs}. */
public final class LbfgsProvider implements MinimizerProvider {

    public static final String NAME = "lbfgs";

    private static final ParameterSpec SPEC = ParameterSpec.of(NAME,
            Parameter.integer("history", Lbfgs.DEFAULT_HISTORY, "number m of correction pairs (s, y) kept")
                    .atLeast(1),
            Parameter.real("c1", Lbfgs.DEFAULT_C1, "sufficient-decrease constant of the strong-Wolfe line search")
                    .positive().require(v -> v < 1, "must be less than 1"),
            Parameter.real("c2", Lbfgs.DEFAULT_C2, "curvature constant of the strong-Wolfe line search (c1 < c2 < 1)")
                    .positive().require(v -> v < 1, "must be less than 1"),
            Parameter.integer("maxLineSearchEvaluations", Lbfgs.DEFAULT_MAX_LINE_SEARCH_EVALUATIONS,
                    "most function evaluations one line search may spend").atLeast(1));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "limited-memory BFGS with a strong-Wolfe line search (Nocedal & Wright Alg. 7.5, 3.5/3.6)";
    }

    @Override
    public ParameterSpec parameters() {
        return SPEC;
    }

    @Override
    public Minimizer create(Parameters parameters) {
        parameters.requireBoundFor(NAME);
        double c1 = parameters.real("c1");
        double c2 = parameters.real("c2");
        if (!(c1 < c2)) {
            throw new InvalidParameterException(NAME, "c2", c2, "must exceed c1 = " + c1);
        }
        return new Lbfgs(parameters.integer("history"), c1, c2, parameters.integer("maxLineSearchEvaluations"));
    }
}
