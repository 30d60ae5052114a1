/**
 * The output layer of the harness: atomic file writes ({@link org.vaevar.harness.report.AtomicFiles}), run
 * directories that only look complete once committed ({@link org.vaevar.harness.report.RunDirectory}), JSON
 * summaries and configs ({@link org.vaevar.harness.report.Json}), round-trippable CSV
 * ({@link org.vaevar.harness.report.CsvTable}), terminal tables ({@link org.vaevar.harness.report.TextTable}),
 * a progress bar ({@link org.vaevar.harness.report.ProgressBar}) and PNG plots
 * ({@link org.vaevar.harness.report.Plots}).
 *
 * <p>Self-contained: depends on no other harness package, only on the api's
 * {@link org.vaevar.api.util.ProgressListener}, Jackson and JFreeChart.
 */
package org.vaevar.harness.report;
