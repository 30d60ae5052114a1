package org.vaevar.api.util;

/**
 * Receives progress of long work (cycles, training epochs). The harness draws a progress bar on a terminal and
 * stays quiet in CI; plugins only report.
 */
public interface ProgressListener {

    ProgressListener SILENT = (task, done, total, status) -> { };

    /**
     * @param task   what is running, e.g. "train vae"
     * @param done   units finished
     * @param total  units in all
     * @param status a short status, e.g. "loss 12.3 val 13.1"; may be empty
     */
    void update(String task, long done, long total, String status);
}
