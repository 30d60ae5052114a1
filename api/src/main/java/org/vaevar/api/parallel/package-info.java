/**
 * Data parallelism inside one computation whose results do not depend on the thread count: fixed blocks of
 * indices ({@link org.vaevar.api.parallel.Blocks}) and the process-wide thread count
 * ({@link org.vaevar.api.parallel.ComputeThreads}). docs/DESIGN.md §3 states the blocking rule.
 */
package org.vaevar.api.parallel;
