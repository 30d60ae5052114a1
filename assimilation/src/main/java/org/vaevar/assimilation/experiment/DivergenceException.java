package org.vaevar.assimilation.experiment;

/** A state or cost of a cycled run became non-finite; the message names the cycle, time and component. */
public final class DivergenceException extends RuntimeException {

    private final int cycle;

    public DivergenceException(int cycle, String message) {
        super(message);
        this.cycle = cycle;
    }

    public int cycle() {
        return cycle;
    }
}
