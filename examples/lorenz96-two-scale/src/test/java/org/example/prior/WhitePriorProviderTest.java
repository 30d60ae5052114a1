package org.example.prior;

import org.vaevar.api.contract.PluginProviderContract;
import org.vaevar.api.plugin.PluginKind;
import org.vaevar.api.plugin.PluginProvider;

/** The provider contract for the README's prior example (registered by this project's test resources). */
class WhitePriorProviderTest extends PluginProviderContract {

    @Override protected PluginProvider provider() { return new WhitePriorProvider(); }
    @Override protected PluginKind kind() { return PluginKind.PRIOR; }
}
