package org.vaevar.optimizers;

import org.vaevar.api.contract.PluginProviderContract;
import org.vaevar.api.plugin.PluginKind;
import org.vaevar.api.plugin.PluginProvider;

class LbfgsProviderContractTest extends PluginProviderContract {

    @Override
    protected PluginProvider provider() {
        return new LbfgsProvider();
    }

    @Override
    protected PluginKind kind() {
        return PluginKind.MINIMIZER;
    }
}
