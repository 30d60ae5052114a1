package org.vaevar.optimizers;

import org.vaevar.api.contract.PluginProviderContract;
import org.vaevar.api.plugin.PluginKind;
import org.vaevar.api.plugin.PluginProvider;

class ConjugateGradientProviderContractTest extends PluginProviderContract {

    @Override
    protected PluginProvider provider() {
        return new ConjugateGradientProvider();
    }

    @Override
    protected PluginKind kind() {
        return PluginKind.MINIMIZER;
    }
}
