/**
 * {@code vaevar reproduce}: the paper comparison as one seeded command. The grid is data, the file
 * {@code experiments/sweeps/paper.json}, read by {@link org.vaevar.harness.reproduce.GridFile} into a
 * {@link org.vaevar.harness.reproduce.ComparisonGrid}; {@link org.vaevar.harness.reproduce.Plan} fixes what runs with
 * which seeds,
 * {@link org.vaevar.harness.reproduce.Reproduction} runs it on a thread pool (same result for any number of
 * threads), {@link org.vaevar.harness.reproduce.ResultRow} and
 * {@link org.vaevar.harness.reproduce.SeedStatistics} turn seeds into means with t-intervals, and
 * {@link org.vaevar.harness.reproduce.ReproductionFiles} writes the tables, figures and the results page.
 */
package org.vaevar.harness.reproduce;
