package org.vaevar.assimilation.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Where the calibration's background-error samples come from ({@code calibration.source}); one choice per setting,
 * shared by every prior so that the priors stay comparable.
 */
public enum SampleSource {
    /** The tuned 3D-Var's (xb, xᵗ) on the sample seeds. */
    THREE_D_VAR("3dvar"),
    /** The same protocol, the sample runs with the window of the method whose prior learns from them. */
    WINDOW("window"),
    /** An ensemble filter's forecast-mean errors ({@code calibration.method}). */
    METHOD("method"),
    /** NMC forecast differences from the tuned 3D-Var's analyses: no truth needed. */
    NMC("nmc");

    private final String key;

    SampleSource(String key) {
        this.key = key;
    }

    @JsonValue
    public String key() {
        return key;
    }

    /** The source a config names; a clear error naming {@code calibration.source} otherwise. */
    @JsonCreator
    public static SampleSource of(String key) {
        for (SampleSource s : values()) {
            if (s.key.equals(key)) {
                return s;
            }
        }
        throw new ConfigException("calibration.source = " + key + ": unknown; one of "
                + Arrays.stream(values()).map(SampleSource::key).collect(Collectors.joining(", ")));
    }
}
