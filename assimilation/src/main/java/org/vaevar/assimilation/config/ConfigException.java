package org.vaevar.assimilation.config;

/** A configuration value was refused; the message names the field by its dotted path and the value. */
public final class ConfigException extends IllegalArgumentException {

    public ConfigException(String message) {
        super(message);
    }
}
