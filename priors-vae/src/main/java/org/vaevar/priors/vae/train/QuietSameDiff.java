package org.vaevar.priors.vae.train;

import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Runs an action with System.out silenced: SameDiff 1.0.0-M2.1 prints one "Added differentiated op" line per
 * op to System.out when it first builds a gradient graph, which would spoil the harness's tables.
 */
public final class QuietSameDiff {

    private static final Object LOCK = new Object();

    private QuietSameDiff() {
    }

    public static void run(Runnable action) {
        synchronized (LOCK) {
            PrintStream out = System.out;
            System.setOut(new PrintStream(OutputStream.nullOutputStream()));
            try {
                action.run();
            } finally {
                System.setOut(out);
            }
        }
    }
}
