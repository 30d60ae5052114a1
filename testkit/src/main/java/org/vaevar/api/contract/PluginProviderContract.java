package org.vaevar.api.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vaevar.api.plugin.InvalidParameterException;
import org.vaevar.api.plugin.Parameter;
import org.vaevar.api.plugin.PluginKind;
import org.vaevar.api.plugin.PluginProvider;
import org.vaevar.api.plugin.PluginRegistry;

/**
 * The contract of a plugin provider: it is registered through {@code META-INF/services} under its kind, its name
 * is a lower-case identifier, every parameter is documented and its defaults are valid, and an unknown parameter
 * is refused by name.
 */
public abstract class PluginProviderContract {

    protected abstract PluginProvider provider();

    protected abstract PluginKind kind();

    @Test
    protected void isDiscoveredThroughTheServiceLoader() {
        PluginProvider p = provider();
        PluginRegistry registry = PluginRegistry.discover(p.getClass().getClassLoader());
        assertThat(registry.lookup(kind(), p.name())).as("registered under its kind and name")
                .isInstanceOf(p.getClass());
    }

    @Test
    protected void hasAWellFormedNameAndDocumentedParameters() {
        PluginProvider p = provider();
        assertThat(p.name()).matches("[a-z][a-z0-9-]*");
        assertThat(p.description()).isNotBlank();
        assertThat(p.parameters().plugin()).isEqualTo(p.name());
        for (Parameter<?> param : p.parameters().parameters()) {
            assertThat(param.description()).as("description of %s", param.name()).isNotBlank();
        }
        assertThat(p.parameters().defaults()).isNotNull();
    }

    @Test
    protected void refusesAnUnknownParameterByName() {
        PluginProvider p = provider();
        assertThatThrownBy(() -> p.parameters().bind(Map.of("noSuchParameter", 1)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining(p.name() + ".noSuchParameter");
    }
}
