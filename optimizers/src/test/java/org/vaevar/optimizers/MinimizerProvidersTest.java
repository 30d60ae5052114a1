package org.vaevar.optimizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vaevar.api.Minimizer;
import org.vaevar.api.plugin.InvalidParameterException;
import org.vaevar.api.plugin.PluginRegistry;

class MinimizerProvidersTest {

    private final LbfgsProvider lbfgs = new LbfgsProvider();
    private final ConjugateGradientProvider cg = new ConjugateGradientProvider();

    @Test
    void registryListsBothMinimizers() {
        PluginRegistry registry = PluginRegistry.discover(getClass().getClassLoader());
        assertThat(registry.minimizer("lbfgs")).isInstanceOf(LbfgsProvider.class);
        assertThat(registry.minimizer("cg")).isInstanceOf(ConjugateGradientProvider.class);
    }

    @Test
    void lbfgsDefaultsAndParameters() {
        Minimizer m = lbfgs.create(lbfgs.parameters().defaults());
        assertThat(m.name()).isEqualTo("lbfgs");
        assertThat(((Lbfgs) m).history()).isEqualTo(7);
        assertThat(m).hasToString("lbfgs(history=7, c1=1.0E-4, c2=0.9, maxLineSearchEvaluations=20)");
        Minimizer m3 = lbfgs.create(lbfgs.parameters().bind(Map.of("history", "3", "c2", 0.5)));
        assertThat(m3).hasToString("lbfgs(history=3, c1=1.0E-4, c2=0.5, maxLineSearchEvaluations=20)");
    }

    @Test
    void lbfgsRefusesBadParametersByName() {
        assertThatThrownBy(() -> lbfgs.create(lbfgs.parameters().bind(Map.of("history", 0))))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("lbfgs.history = 0");
        assertThatThrownBy(() -> lbfgs.create(lbfgs.parameters().bind(Map.of("c2", 1.0))))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("lbfgs.c2 = 1.0");
        assertThatThrownBy(() -> lbfgs.create(lbfgs.parameters().bind(Map.of("c1", 0.6, "c2", 0.5))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("lbfgs.c2 = 0.5: must exceed c1 = 0.6");
        assertThatThrownBy(() -> lbfgs.create(lbfgs.parameters().bind(Map.of("maxLineSearchEvaluations", -2))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("lbfgs.maxLineSearchEvaluations = -2");
    }

    @Test
    void cgDefaultsAndFormula() {
        Minimizer m = cg.create(cg.parameters().defaults());
        assertThat(m.name()).isEqualTo("cg");
        assertThat(((CommonsMathConjugateGradient) m).formula())
                .isEqualTo(CommonsMathConjugateGradient.Formula.POLAK_RIBIERE);
        Minimizer fr = cg.create(cg.parameters().bind(Map.of("formula", "fletcher-reeves")));
        assertThat(((CommonsMathConjugateGradient) fr).formula())
                .isEqualTo(CommonsMathConjugateGradient.Formula.FLETCHER_REEVES);
    }

    @Test
    void cgRefusesBadParametersByName() {
        assertThatThrownBy(() -> cg.parameters().bind(Map.of("formula", "steepest")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("cg.formula = steepest");
        assertThatThrownBy(() -> cg.parameters().bind(Map.of("lineSearchRelativeTolerance", -1e-3)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("cg.lineSearchRelativeTolerance = -0.001");
        assertThatThrownBy(() -> cg.parameters().bind(Map.of("initialBracketingRange", 0)))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("cg.initialBracketingRange = 0");
    }
}
