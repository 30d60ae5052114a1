package org.vaevar.api.method;

/**
 * A cycle's analysis cannot be made (a prior undefined at this background, say): the run fails here, as a
 * divergence does, and the experiment reports the cycle.
 */
public final class AnalysisFailedException extends RuntimeException {

    private final String component;
    private final String reason;

    /**
     * @param component what failed, e.g. "the prior vae"
     * @param reason    why
     */
    public AnalysisFailedException(String component, String reason) {
        super(component + " failed: " + reason);
        this.component = component;
        this.reason = reason;
    }

    public String component() {
        return component;
    }

    public String reason() {
        return reason;
    }
}
