package org.vaevar.ensemble;

import java.util.Optional;
import org.vaevar.api.SpatialGrid;
import org.vaevar.api.method.AssimilationMethod;
import org.vaevar.api.plugin.InvalidParameterException;
import org.vaevar.api.plugin.MethodContext;
import org.vaevar.api.plugin.Parameter;
import org.vaevar.api.plugin.Parameters;

/**
 * Provides {@link HybridMethod} as "hybrid": the ensemble's size, inflation and rotation, the weight β of the
 * ensemble covariance (tuned) and the localisation radius. Analyses with the experiment's prior as B_static.
 */
public final class HybridProvider extends EnsembleMethodProvider {

    static final String BETA = "beta";
    static final String RADIUS = "radius";

    public HybridProvider() {
        super(HybridMethod.NAME, "hybrid ensemble-variational 3D-Var/4D-Var: B = (1-beta) B_static + beta (P_e o C), "
                        + "the ensemble updated by the (L)ETKF and re-centred on the variational analysis",
                Parameter.real(BETA, 0.5, "weight of the localised ensemble covariance in B (0 = the static prior, "
                        + "1 = the ensemble alone)").nonNegative().atMost(1.0),
                Parameter.realOrInfinite(RADIUS, Double.POSITIVE_INFINITY, "Gaspari-Cohn localisation length in "
                        + "grid distance units (half-width radius x sqrt(10/3)) of P_e and of the LETKF update; "
                        + "Infinity for none (the ETKF; the only choice without a model grid)").positive());
    }

    @Override
    public Optional<String> tunableParameter() {
        return Optional.of(BETA);
    }

    @Override
    public boolean usesPrior() {
        return true;
    }

    @Override
    AssimilationMethod create(EnsembleSettings settings, Parameters parameters, MethodContext context) {
        double radius = parameters.real(RADIUS);
        if (Double.isFinite(radius) && !(context.model() instanceof SpatialGrid)) {
            throw new InvalidParameterException(name(), RADIUS, radius, "model " + context.model().name()
                    + " has no spatial grid to localise on; use Infinity");
        }
        return new HybridMethod(context, settings, parameters.real(BETA), radius);
    }
}
