/**
 * {@code vaevar sweep}: a grid of configs (axes over any config path) times a set of methods, evaluated on
 * held-out seeds as independent, resumable tasks on a pluggable engine (a local thread pool, or Spark), with the
 * statistics, tables and figures of {@code reproduce}.
 */
package org.vaevar.harness.sweep;
