package org.vaevar.optimizers;

import java.util.Arrays;
import org.vaevar.api.Minimizer;
import org.vaevar.api.plugin.MinimizerProvider;
import org.vaevar.api.plugin.Parameter;
import org.vaevar.api.plugin.ParameterSpec;
import org.vaevar.api.plugin.Parameters;

/** Provides {@link CommonsMathConjugateGradient} as minimizer {@code cg}. */
public final class ConjugateGradientProvider implements MinimizerProvider {

    public static final String NAME = "cg";

    private static final ParameterSpec SPEC = ParameterSpec.of(NAME,
            Parameter.text("formula", CommonsMathConjugateGradient.DEFAULT_FORMULA.label(), "beta update formula")
                    .oneOf(Arrays.stream(CommonsMathConjugateGradient.Formula.values())
                            .map(CommonsMathConjugateGradient.Formula::label).toArray(String[]::new)),
            Parameter.real("lineSearchRelativeTolerance",
                    CommonsMathConjugateGradient.DEFAULT_LINE_SEARCH_RELATIVE_TOLERANCE,
                    "the Brent line search stops when successive values differ by at most this times |f|")
                    .nonNegative(),
            Parameter.real("lineSearchAbsoluteTolerance",
                    CommonsMathConjugateGradient.DEFAULT_LINE_SEARCH_ABSOLUTE_TOLERANCE,
                    "... or by at most this (in units of f)").nonNegative(),
            Parameter.real("initialBracketingRange", CommonsMathConjugateGradient.DEFAULT_INITIAL_BRACKETING_RANGE,
                    "first trial step of the line search's bracket finder").positive());

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Apache Commons Math nonlinear conjugate gradient (Polak-Ribiere or Fletcher-Reeves, Brent line search)";
    }

    @Override
    public ParameterSpec parameters() {
        return SPEC;
    }

    @Override
    public Minimizer create(Parameters parameters) {
        parameters.requireBoundFor(NAME);
        return new CommonsMathConjugateGradient(
                CommonsMathConjugateGradient.Formula.fromLabel(parameters.text("formula")),
                parameters.real("lineSearchRelativeTolerance"),
                parameters.real("lineSearchAbsoluteTolerance"),
                parameters.real("initialBracketingRange"));
    }
}
