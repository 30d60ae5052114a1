package org.example.prior;

import java.util.Optional;
import org.vaevar.api.BackgroundPrior;
import org.vaevar.api.plugin.Parameter;
import org.vaevar.api.plugin.ParameterSpec;
import org.vaevar.api.plugin.Parameters;
import org.vaevar.api.plugin.PriorContext;
import org.vaevar.api.plugin.PriorProvider;

/** Provides {@link WhitePrior} under the name "white"; its parameter sigma is the one tuning scales. */
public final class WhitePriorProvider implements PriorProvider {

    private static final ParameterSpec SPEC = ParameterSpec.of("white",
            Parameter.real("sigma", 1.0, "background error standard deviation σ (B = σ² I)").positive());

    @Override public String name() { return "white"; }
    @Override public String description() { return "B = σ² I: x = xb + σ v, penalty ½‖v‖²"; }
    @Override public ParameterSpec parameters() { return SPEC; }
    @Override public Optional<String> tunableParameter() { return Optional.of("sigma"); }

    @Override
    public BackgroundPrior create(Parameters parameters, PriorContext context) {
        parameters.requireBoundFor(name());
        return new WhitePrior(context.stateDimension(), parameters.real("sigma"));
    }
}
