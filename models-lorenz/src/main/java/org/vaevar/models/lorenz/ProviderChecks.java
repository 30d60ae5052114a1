package org.vaevar.models.lorenz;

import org.vaevar.api.plugin.Parameters;

/** Checks shared by the providers of this module. */
final class ProviderChecks {

    private ProviderChecks() {
    }

    /** Parameters bound by another plugin's spec would carry the wrong names and rules: refuse them. */
    static void boundFor(String plugin, Parameters parameters) {
        if (parameters == null) {
            throw new IllegalArgumentException(plugin + " parameters: missing (null)");
        }
        if (!plugin.equals(parameters.plugin())) {
            throw new IllegalArgumentException(plugin + " parameters: bound for '" + parameters.plugin()
                    + "'; bind them with " + plugin + "'s own parameter spec");
        }
    }
}
