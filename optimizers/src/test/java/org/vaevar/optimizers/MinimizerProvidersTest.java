package org.vaevar.optimizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vaevar.api.Minimizer;
import org.vaevar.api.plugin.InvalidParameterException;
import org.vaevar.api.plugin.PluginKind;
import org.vaevar.api.plugin.PluginRegistry;

class MinimizerProvidersTest {

    private static final PluginRegistry PLUGINS = PluginRegistry.discover();

    @Test
    void registryListsBothMinimizers() {
        assertThat(PLUGINS.lookup(PluginKind.MINIMIZER, "lbfgs")).isInstanceOf(LbfgsProvider.class);
        assertThat(PLUGINS.lookup(PluginKind.MINIMIZER, "cg")).isInstanceOf(ConjugateGradientProvider.class);
    }

    @Test
    void bothRefuseParametersBoundForAnotherPlugin() {
        var forCg = PLUGINS.bind(PluginKind.MINIMIZER, "cg", Map.of());
        assertThatThrownBy(() -> new LbfgsProvider().create(forCg)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lbfgs parameters: bound for 'cg'");
        var forLbfgs = PLUGINS.bind(PluginKind.MINIMIZER, "lbfgs", Map.of());
        assertThatThrownBy(() -> new ConjugateGradientProvider().create(forLbfgs))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cg parameters: bound for 'lbfgs'");
    }

    @Test
    void lbfgsDefaultsAndParameters() {
        Minimizer m = PLUGINS.minimizer("lbfgs", Map.of());
        assertThat(m.name()).isEqualTo("lbfgs");
        assertThat(((Lbfgs) m).history()).isEqualTo(7);
        assertThat(m).hasToString("lbfgs(history=7, c1=1.0E-4, c2=0.9, maxLineSearchEvaluations=20)");
        Minimizer m3 = PLUGINS.minimizer("lbfgs", Map.of("history", "3", "c2", 0.5));
        assertThat(m3).hasToString("lbfgs(history=3, c1=1.0E-4, c2=0.5, maxLineSearchEvaluations=20)");
    }

    @Test
    void lbfgsRefusesBadParametersByName() {
        assertThatThrownBy(() -> PLUGINS.minimizer("lbfgs", Map.of("history", 0)))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("lbfgs.history = 0");
        assertThatThrownBy(() -> PLUGINS.minimizer("lbfgs", Map.of("c2", 1.0)))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("lbfgs.c2 = 1.0");
        assertThatThrownBy(() -> PLUGINS.minimizer("lbfgs", Map.of("c1", 0.6, "c2", 0.5)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("lbfgs.c2 = 0.5: must exceed c1 = 0.6");
        assertThatThrownBy(() -> PLUGINS.minimizer("lbfgs", Map.of("maxLineSearchEvaluations", -2)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("lbfgs.maxLineSearchEvaluations = -2");
    }

    @Test
    void cgDefaultsAndFormula() {
        Minimizer m = PLUGINS.minimizer("cg", Map.of());
        assertThat(m.name()).isEqualTo("cg");
        assertThat(((CommonsMathConjugateGradient) m).formula())
                .isEqualTo(CommonsMathConjugateGradient.Formula.POLAK_RIBIERE);
        Minimizer fr = PLUGINS.minimizer("cg", Map.of("formula", "fletcher-reeves"));
        assertThat(((CommonsMathConjugateGradient) fr).formula())
                .isEqualTo(CommonsMathConjugateGradient.Formula.FLETCHER_REEVES);
    }

    @Test
    void cgRefusesBadParametersByName() {
        assertThatThrownBy(() -> PLUGINS.bind(PluginKind.MINIMIZER, "cg", Map.of("formula", "steepest")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("cg.formula = steepest");
        assertThatThrownBy(() -> PLUGINS.bind(PluginKind.MINIMIZER, "cg", Map.of("lineSearchRelativeTolerance", -1e-3)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("cg.lineSearchRelativeTolerance = -0.001");
        assertThatThrownBy(() -> PLUGINS.bind(PluginKind.MINIMIZER, "cg", Map.of("initialBracketingRange", 0)))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("cg.initialBracketingRange = 0");
    }
}
