package org.vaevar.api.plugin;

/** A plugin parameter was refused; the message names the plugin, the parameter and the value. */
public final class InvalidParameterException extends IllegalArgumentException {

    private final String plugin;
    private final String parameter;

    public InvalidParameterException(String plugin, String parameter, Object value, String requirement) {
        super(plugin + "." + parameter + " = " + value + ": " + requirement);
        this.plugin = plugin;
        this.parameter = parameter;
    }

    public InvalidParameterException(String plugin, String parameter, String message) {
        super(plugin + "." + parameter + ": " + message);
        this.plugin = plugin;
        this.parameter = parameter;
    }

    public String plugin() {
        return plugin;
    }

    public String parameter() {
        return parameter;
    }
}
