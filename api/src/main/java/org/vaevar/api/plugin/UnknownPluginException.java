package org.vaevar.api.plugin;

import java.util.Collection;

/** No plugin of that kind has that name; the message lists the known names. */
public final class UnknownPluginException extends IllegalArgumentException {

    public UnknownPluginException(PluginKind kind, String name, Collection<String> known) {
        super("unknown " + kind.label() + " '" + name + "'; known: "
                + (known.isEmpty() ? "(none on the classpath)" : String.join(", ", known)));
    }
}
