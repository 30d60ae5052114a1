package org.vaevar.observations;

import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.vaevar.api.ObservationOperator;
import org.vaevar.api.contract.ObservationOperatorContract;
import org.vaevar.api.contract.PluginProviderContract;
import org.vaevar.api.plugin.PluginKind;
import org.vaevar.api.plugin.PluginProvider;
import org.vaevar.api.plugin.PluginRegistry;

/**
 * The contract kit run on every operator of this module, each with three selections built through its provider
 * (as the harness builds them): all of n = 8, every 3rd from 1 of n = 10, and an unordered list of n = 7.
 */
class ObservationOperatorContractTest {

    private static final PluginRegistry PLUGINS = PluginRegistry.discover();

    static ObservationOperator build(String name, Map<String, ?> raw, int n) {
        return PLUGINS.observationOperator(name, raw, n);
    }

    /** H is linear: the kit then requires its Taylor remainder to be rounding only, at random points. */
    abstract static class LinearMapContract extends ObservationOperatorContract {
        @Override protected boolean linear() {
            return true;
        }
    }

    @Nested
    class LinearAll extends LinearMapContract {
        @Override protected ObservationOperator operator() {
            return build("linear", Map.of(), 8);
        }

    }

    @Nested
    class LinearEveryThird extends LinearMapContract {
        @Override protected ObservationOperator operator() {
            return build("linear", Map.of("every", 3, "offset", 1), 10);
        }

    }

    @Nested
    class LinearList extends LinearMapContract {
        @Override protected ObservationOperator operator() {
            return build("linear", Map.of("components", "5,0,2"), 7);
        }

    }

    @Nested
    class ArctanAll extends ObservationOperatorContract {
        @Override protected ObservationOperator operator() {
            return build("arctan", Map.of(), 8);
        }
    }

    @Nested
    class ArctanEveryThird extends ObservationOperatorContract {
        @Override protected ObservationOperator operator() {
            return build("arctan", Map.of("every", 3, "offset", 1), 10);
        }
    }

    @Nested
    class ArctanList extends ObservationOperatorContract {
        @Override protected ObservationOperator operator() {
            return build("arctan", Map.of("components", "5,0,2"), 7);
        }
    }

    @Nested
    class QuadraticAll extends ObservationOperatorContract {
        @Override protected ObservationOperator operator() {
            return build("quadratic", Map.of(), 8);
        }
    }

    @Nested
    class QuadraticEveryThird extends ObservationOperatorContract {
        @Override protected ObservationOperator operator() {
            return build("quadratic", Map.of("every", 3, "offset", 1), 10);
        }
    }

    @Nested
    class QuadraticList extends ObservationOperatorContract {
        @Override protected ObservationOperator operator() {
            return build("quadratic", Map.of("components", "5,0,2"), 7);
        }
    }

    @Nested
    class LinearProvider extends PluginProviderContract {
        @Override protected PluginProvider provider() {
            return new LinearObservationOperatorProvider();
        }

        @Override protected PluginKind kind() {
            return PluginKind.OBSERVATION_OPERATOR;
        }
    }

    @Nested
    class ArctanProvider extends PluginProviderContract {
        @Override protected PluginProvider provider() {
            return new ArctanObservationOperatorProvider();
        }

        @Override protected PluginKind kind() {
            return PluginKind.OBSERVATION_OPERATOR;
        }
    }

    @Nested
    class QuadraticProvider extends PluginProviderContract {
        @Override protected PluginProvider provider() {
            return new QuadraticObservationOperatorProvider();
        }

        @Override protected PluginKind kind() {
            return PluginKind.OBSERVATION_OPERATOR;
        }
    }
}
