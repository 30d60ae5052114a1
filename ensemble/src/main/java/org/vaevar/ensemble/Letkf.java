package org.vaevar.ensemble;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.vaevar.api.LocatedObservations;
import org.vaevar.api.SpatialGrid;
import org.vaevar.api.plugin.MethodContext;

/**
 * The local ETKF (Hunt et al. 2007): every grid point i has its own ETKF analysis from the observations near it,
 * with R⁻¹ tapered by the Gaspari–Cohn weight of their distance ({@link GaspariCohn}): observation j enters with
 * weight c_ij / σ_j², and those with c_ij below the cut-off are left out. Point i's weights W⁽ⁱ⁾ update component
 * i only: x_k,i = x̄_i + Σ_j W⁽ⁱ⁾_kj A_j,i. The distance is the model's {@link SpatialGrid} and the observation's
 * {@link LocatedObservations} location.
 *
 * <p>The local analyses are independent and run in parallel over grid points; each reads only the shared forecast
 * and writes only its own component, with its own workspace, so the result is bit-identical for any number of
 * threads. With an infinite radius every point uses every observation untapered: the ETKF.
 */
final class Letkf extends EnsembleMethod {

    static final String NAME = "letkf";

    private final double radius;
    private final int threads;
    private final int[][] localObservations;
    private final double[][] localTapers;
    private final ForkJoinPool pool;

    /** One pool per thread count, shared by every instance (tuning builds many). */
    private static final Map<Integer, ForkJoinPool> POOLS = new java.util.concurrent.ConcurrentHashMap<>();

    private final Solver solver;

    Letkf(MethodContext context, EnsembleSettings settings, double radius, int threads, Solver solver) {
        super(NAME, context, settings);
        this.solver = solver;
        if (!(context.model() instanceof SpatialGrid grid)) {
            throw new IllegalArgumentException("letkf needs a model with a spatial grid (a distance between state "
                    + "components) for letkf.radius; model " + context.model().name() + " has none");
        }
        if (!(context.operator() instanceof LocatedObservations located)) {
            throw new IllegalArgumentException("letkf needs observations located on the model grid; observation "
                    + "operator " + context.operator().name() + " gives no locations");
        }
        this.radius = radius;
        this.threads = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
        GaspariCohn taper = new GaspariCohn(radius);
        int n = model.dimension();
        int m = operator.observationDimension();
        this.localObservations = new int[n][];
        this.localTapers = new double[n][];
        int[] idx = new int[m];
        double[] c = new double[m];
        for (int i = 0; i < n; i++) {
            int count = 0;
            for (int j = 0; j < m; j++) {
                double t = taper.at(grid.distance(i, located.location(j)));
                if (t > GaspariCohn.CUTOFF) {
                    idx[count] = j;
                    c[count++] = t;
                }
            }
            localObservations[i] = Arrays.copyOf(idx, count);
            localTapers[i] = Arrays.copyOf(c, count);
        }
        this.pool = this.threads > 1 ? POOLS.computeIfAbsent(this.threads, ForkJoinPool::new) : null;
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>(super.describe());
        m.put(LetkfProvider.RADIUS, Double.isInfinite(radius) ? "Infinity" : radius);
        m.put(LetkfProvider.THREADS, threads);
        m.put(Solver.PARAMETER, solver.label());
        return m;
    }

    /** One grid point's workspace. */
    private final class Local {
        final EnsembleTransform transform = new EnsembleTransform(settings.size(), solver);
        final Reshaping reshaping = new Reshaping(settings.size());
        final double[][] w = new double[settings.size()][settings.size()];
    }

    @Override
    Analysis newAnalysis() {
        ThreadLocal<Local> locals = ThreadLocal.withInitial(Local::new);
        int n = model.dimension();
        double[][] updated = new double[settings.size()][n];
        return (e, rotation, random) -> {
            IntStream points = IntStream.range(0, n);
            if (pool == null) {
                points.forEach(i -> local(e, i, rotation, locals.get(), updated));
            } else {
                pool.submit(() -> points.parallel().forEach(i -> local(e, i, rotation, locals.get(), updated)))
                        .join();
            }
            for (int k = 0; k < e.size; k++) {
                System.arraycopy(updated[k], 0, e.members[k], 0, n);
            }
        };
    }

    /** Point i's ETKF, written to column i of {@code out} (the shared forecast is only read). */
    private void local(Ensemble e, int i, double[][] rotation, Local work, double[][] out) {
        int[] obs = localObservations[i];
        if (obs.length == 0) { // nothing near: the forecast stays (inflated and rotated like every point)
            for (double[] row : work.w) {
                Arrays.fill(row, 0);
            }
            for (int k = 0; k < e.size; k++) {
                work.w[k][k] = 1;
            }
        } else {
            work.transform.factor(e.s, e.d, obs, localTapers[i]);
            work.transform.etkfWeights(work.w);
        }
        if (settings.reshapes()) {
            work.reshaping.apply(work.w, settings.inflation(), rotation);
        }
        for (int k = 0; k < e.size; k++) {
            double[] wk = work.w[k];
            double sum = 0;
            for (int j = 0; j < e.size; j++) {
                sum += wk[j] * e.anomalies[j][i];
            }
            out[k][i] = e.mean[i] + sum;
        }
    }
}
