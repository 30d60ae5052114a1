/**
 * The output layer of the harness: atomic file writes ({@link org.vaevar.harness.io.AtomicFiles}), run
 * directories that only look complete once committed ({@link org.vaevar.harness.io.RunDirectory}), JSON
 * summaries and configs ({@link org.vaevar.harness.io.Json}), round-trippable CSV
 * ({@link org.vaevar.harness.io.CsvTable}), terminal tables ({@link org.vaevar.harness.io.TextTable}),
 * a progress bar ({@link org.vaevar.harness.io.ProgressBar}) and PNG plots
 * ({@link org.vaevar.harness.plots.Plots}).
 *
 * <p>Self-contained: depends on no other harness package, only on the api's
 * {@link org.vaevar.api.util.ProgressListener}, Jackson and JFreeChart.
 */
package org.vaevar.harness.io;
