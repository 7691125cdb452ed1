package org.openiru.app;

/** A configuration value is missing or wrong; the message names the key and what is accepted. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
