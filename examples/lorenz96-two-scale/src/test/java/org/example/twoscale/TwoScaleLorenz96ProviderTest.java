package org.example.twoscale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vaevar.api.DynamicalModel;
import org.vaevar.api.contract.PluginProviderContract;
import org.vaevar.api.plugin.InvalidParameterException;
import org.vaevar.api.plugin.PluginKind;
import org.vaevar.api.plugin.PluginProvider;

/** The provider contract (services line, name, documented parameters, unknown ones refused) and its defaults. */
class TwoScaleLorenz96ProviderTest extends PluginProviderContract {

    private final TwoScaleLorenz96Provider provider = new TwoScaleLorenz96Provider();

    @Override
    protected PluginProvider provider() {
        return provider;
    }

    @Override
    protected PluginKind kind() {
        return PluginKind.MODEL;
    }

    @Test
    void defaultsAreTheLorenz1996Setting() {
        DynamicalModel m = provider.create(provider.parameters().defaults());
        assertThat(m).isInstanceOf(TwoScaleLorenz96.class);
        assertThat(m.name()).isEqualTo("lorenz96-two-scale");
        assertThat(m.dimension()).isEqualTo(36 + 36 * 10);
        assertThat(m.timeStep()).isEqualTo(0.005);
    }

    @Test
    void bindsTheWilksSetting() {
        DynamicalModel m = provider.create(provider.parameters().bind(Map.of("K", 8, "J", 32, "forcing", 20)));
        assertThat(m.dimension()).isEqualTo(8 + 8 * 32);
        assertThat(((TwoScaleLorenz96) m).slowVariables()).isEqualTo(8);
    }

    @Test
    void refusesBadValuesByName() {
        assertThatThrownBy(() -> provider.create(provider.parameters().bind(Map.of("K", 3))))
                .isInstanceOf(InvalidParameterException.class).hasMessage("lorenz96-two-scale.K = 3: must be at least 4");
        assertThatThrownBy(() -> provider.create(provider.parameters().bind(Map.of("c", 0.0))))
                .isInstanceOf(InvalidParameterException.class).hasMessage("lorenz96-two-scale.c = 0.0: must be positive");
        assertThatThrownBy(() -> new TwoScaleLorenz96(8, 32, 1, 10, 10, 10, 0))
                .hasMessage("lorenz96-two-scale.dt = 0.0: must be positive and finite");
    }
}
