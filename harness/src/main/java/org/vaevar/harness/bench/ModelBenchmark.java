package org.vaevar.harness.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.vaevar.api.DynamicalModel;
import org.vaevar.api.Linearization;
import org.vaevar.api.plugin.PluginRegistry;

/**
 * Throughput of the dynamical models through the SPI, printed as a table: nonlinear steps per second and the
 * cost of one linearised (forward + stored trajectory), tangent-linear and adjoint step relative to one forward
 * step, for Lorenz 63 and Lorenz 96 with n = 40, 1 000 and 10 000. A program, not a test: timings
 * depend on the machine and its load, and no test asserts them.
 *
 * <p>Method: every model comes from the {@link PluginRegistry} by name, as the harness gets it. Each operation
 * is timed in batches of a calibrated repeat count (~{@value #BATCH_MILLIS} ms per batch); a round times one
 * batch of each of the four operations back to back (rotating their order), and the ratios are formed within a
 * round, so that a load change on the machine between rounds cancels from them. After a JIT warm-up of every
 * case and operation, the table reports medians over the rounds. Times are the benchmark thread's CPU time
 * (wall-clock time where the JVM cannot measure it), so that other processes on a shared machine slow the run
 * but barely move the numbers; the "wall/cpu" column shows how contended the machine was (1.0: a core to
 * ourselves). Work done by other JVM threads is not counted: JIT compilation (finished by then) and garbage
 * collection of the short-lived stored trajectories (cheap for a copying young collector; the allocation itself
 * and the zeroing of the arrays run on the benchmark thread and are counted). The total run stays under a
 * minute: rounds stop early, after at least {@value #MIN_ROUNDS}, when a case uses up its share of
 * {@value #BUDGET_SECONDS} s of wall time.
 */
public final class ModelBenchmark {

    private static final long BATCH_MILLIS = 2;
    private static final long QUICK_BATCH_MILLIS = 1;
    private static final int MIN_ROUNDS = 5;
    private static final long BUDGET_SECONDS = 40;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean CPU_CLOCK = THREADS.isCurrentThreadCpuTimeSupported();

    private ModelBenchmark() {
    }

    /** Runs the full benchmark on stdout; {@code --quick} for a short run (fewer, shorter rounds). */
    public static void main(String[] args) {
        run(System.out, Arrays.asList(args).contains("--quick"));
    }

    /**
     * Runs the benchmark and prints its table on {@code out}.
     *
     * @param quick a short run (a few seconds instead of 10–20 s), for smoke checks; numbers are noisier
     */
    public static void run(PrintStream out, boolean quick) {
        PluginRegistry registry = PluginRegistry.discover(ModelBenchmark.class.getClassLoader());
        List<Case> cases = List.of(
                Case.of(registry, "lorenz63", Map.of(), 5_000),
                Case.of(registry, "lorenz96", Map.of("n", 40), 1_000),
                Case.of(registry, "lorenz96", Map.of("n", 1_000), 50),
                Case.of(registry, "lorenz96", Map.of("n", 10_000), 10));
        long batchNanos = (quick ? QUICK_BATCH_MILLIS : BATCH_MILLIS) * 1_000_000L;
        long warmupNanos = (quick ? 1_200 : 3_000) * 1_000_000L;
        int rounds = quick ? 25 : 161;
        if (CPU_CLOCK) {
            THREADS.setThreadCpuTimeEnabled(true);
        }

        long start = System.nanoTime();
        double sink = 0;
        // Warm up everything before measuring anything: the shared RK4 then sees both tendencies, as it would in
        // a program using both models, and later cases are not measured against earlier, colder code.
        for (Case c : cases) {
            sink += c.warmUp(warmupNanos / cases.size(), batchNanos);
        }
        List<Result> results = new ArrayList<>();
        long deadline = start + (quick ? BUDGET_SECONDS / 4 : BUDGET_SECONDS) * 1_000_000_000L;
        for (int k = 0; k < cases.size(); k++) {
            Case c = cases.get(k);
            // A short second warm-up right before measuring: code recompiled or deoptimised while the other cases
            // warmed up (the RK4 loops are shared by every model) is hot again for this one.
            sink += c.rewarm(warmupNanos / (2 * cases.size()));
            System.gc(); // start each case's measurements from a collected heap
            long now = System.nanoTime();
            Result r = c.measure(rounds, now + (deadline - now) / (cases.size() - k));
            sink += r.sink;
            results.add(r);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        print(out, results, rounds, quick, seconds, sink);
    }

    private static void print(PrintStream out, List<Result> results, int rounds, boolean quick, double seconds,
                              double sink) {
        out.println("Model benchmark: RK4 models through the DynamicalModel SPI" + (quick ? " (quick run)" : ""));
        out.printf(Locale.ROOT, "  Java %s, %d processors available; %s time of the benchmark thread; medians over"
                + " up to %d rounds after JIT warm-up%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), CPU_CLOCK ? "CPU" : "wall-clock", rounds);
        out.println("  fwd  = forecast(x, seg): nonlinear RK4 steps (4 tendency evaluations each)");
        out.println("  lin  = linearize(x, seg): the forward steps plus storing the 4 RK4 stage states of each step");
        out.println("  TL   = apply(dx) on a stored linearisation: tangent-linear steps only (trajectory reused)");
        out.println("  AD   = applyAdjoint(dy) on the same: adjoint steps only, backwards over the stored states");
        out.println("  grad = lin + AD: the model's share of one 4D-Var cost-and-gradient evaluation, per step");
        out.println("  All costs per model step, ratios to one fwd step (formed within each round, then median);");
        out.println("  spread = interquartile range / median of the fwd step time over rounds (timing noise);");
        out.println("  wall/cpu = median wall-clock / CPU time of a batch (machine contention; 1.0 = a free core).");
        out.println();
        out.printf(Locale.ROOT, "%-9s %6s %5s %5s %11s %12s %7s %7s %7s %8s %6s %6s %8s%n",
                "model", "n", "dt", "seg", "fwd us/step", "fwd steps/s", "lin/fwd", "TL/fwd", "AD/fwd", "grad/fwd",
                "rounds", "spread", "wall/cpu");
        for (Result r : results) {
            out.printf(Locale.ROOT, "%-9s %6d %5s %5d %11.3f %12s %7.2f %7.2f %7.2f %8.2f %6d %5.0f%% %8.2f%n",
                    r.model, r.n, trim(r.dt), r.segment, r.forwardMicros, steps(r.forwardMicros),
                    r.linearizeRatio, r.tangentRatio, r.adjointRatio, r.gradientRatio, r.rounds,
                    100 * r.forwardSpread, r.wallPerCpu);
        }
        out.println();
        if (quick) {
            out.println("  quick run (smoke check): short warm-up, the JIT may not have settled;"
                    + " ratios can be off severalfold.");
        }
        out.printf(Locale.ROOT, "  finished in %.1f s (checksum %.6e)%n", seconds, sink);
    }

    private static String steps(double microsPerStep) {
        double perSecond = 1e6 / microsPerStep;
        if (perSecond >= 1e6) {
            return String.format(Locale.ROOT, "%.2f M", perSecond / 1e6);
        }
        return String.format(Locale.ROOT, "%.1f k", perSecond / 1e3);
    }

    private static String trim(double d) {
        return Double.toString(d).replaceAll("0+$", "");
    }

    /** One model configuration, its linearisation point and the buffers its operations use. */
    private static final class Case {

        private final DynamicalModel model;
        private final int segment;
        private final double[] x;
        private final double[] dx;
        private final double[] dy;
        private final Linearization stored;
        private final int[] repeats = new int[Op.values().length];

        private Case(DynamicalModel model, int segment) {
            this.model = model;
            this.segment = segment;
            SplittableRandom random = new SplittableRandom(20240521L);
            this.x = model.forecast(model.randomState(random), 1000);
            this.dx = gaussian(random, model.dimension());
            this.dy = gaussian(random, model.dimension());
            this.stored = model.linearize(x, segment);
        }

        static Case of(PluginRegistry registry, String name, Map<String, ?> parameters, int segment) {
            return new Case(registry.model(name, parameters), segment);
        }

        /** One call of {@code op} (a whole segment); returns something of the result so it cannot be elided. */
        double run(Op op) {
            return switch (op) {
                case FORWARD -> model.forecast(x, segment)[0];
                case LINEARIZE -> model.linearize(x, segment).value()[0];
                case TANGENT -> stored.apply(dx)[0];
                case ADJOINT -> stored.applyAdjoint(dy)[0];
            };
        }

        /** Runs every operation for its share of {@code nanos}, then sets repeat counts for batches of ~batchNanos. */
        double warmUp(long nanos, long batchNanos) {
            double sink = 0;
            for (Op op : Op.values()) {
                long begin = System.nanoTime();
                while (System.nanoTime() - begin < nanos / Op.values().length) {
                    sink += run(op);
                }
                // Calibrate on the now-compiled code: time a few calls, then size the batches.
                long calls = 0;
                long clock = clock();
                long elapsed;
                do {
                    sink += run(op);
                    calls++;
                    elapsed = clock() - clock;
                } while (elapsed < batchNanos / 4);
                repeats[op.ordinal()] = (int) Math.max(1, Math.round(batchNanos / ((double) elapsed / calls)));
            }
            return sink;
        }

        /** Runs every operation again for its share of {@code nanos}, keeping the calibrated repeat counts. */
        double rewarm(long nanos) {
            double sink = 0;
            for (Op op : Op.values()) {
                long begin = System.nanoTime();
                while (System.nanoTime() - begin < nanos / Op.values().length) {
                    sink += run(op);
                }
            }
            return sink;
        }

        /** Up to {@code rounds} rounds, stopping early (after {@value #MIN_ROUNDS}) at the wall-clock deadline. */
        Result measure(int rounds, long deadline) {
            Op[] ops = Op.values();
            double[][] micros = new double[ops.length][rounds]; // per model step
            double[] wallPerCpu = new double[rounds];
            double sink = 0;
            int done = 0;
            while (done < rounds && (done < MIN_ROUNDS || System.nanoTime() < deadline)) {
                long wall = 0, cpu = 0;
                for (int k = 0; k < ops.length; k++) {
                    Op op = ops[(done + k) % ops.length]; // rotate the order: no operation always runs first
                    int reps = repeats[op.ordinal()];
                    long wallBegin = System.nanoTime();
                    long begin = clock();
                    for (int i = 0; i < reps; i++) {
                        sink += run(op);
                    }
                    long elapsed = clock() - begin;
                    wall += System.nanoTime() - wallBegin;
                    cpu += elapsed;
                    micros[op.ordinal()][done] = elapsed / 1e3 / reps / segment;
                }
                wallPerCpu[done] = (double) wall / cpu;
                done++;
            }
            for (int o = 0; o < ops.length; o++) {
                micros[o] = Arrays.copyOf(micros[o], done);
            }
            double[] fwd = micros[Op.FORWARD.ordinal()];
            double[] lin = micros[Op.LINEARIZE.ordinal()];
            double[] ad = micros[Op.ADJOINT.ordinal()];
            return new Result(model.name(), model.dimension(), model.timeStep(), segment, median(fwd),
                    medianRatio(lin, fwd), medianRatio(micros[Op.TANGENT.ordinal()], fwd), medianRatio(ad, fwd),
                    medianRatio(sum(lin, ad), fwd), done, (quantile(fwd, 0.75) - quantile(fwd, 0.25)) / median(fwd),
                    median(Arrays.copyOf(wallPerCpu, done)), sink);
        }
    }

    /** Nanoseconds of the benchmark thread's CPU time, or wall-clock time where CPU time is unsupported. */
    private static long clock() {
        return CPU_CLOCK ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    private enum Op { FORWARD, LINEARIZE, TANGENT, ADJOINT }

    private record Result(String model, int n, double dt, int segment, double forwardMicros, double linearizeRatio,
                          double tangentRatio, double adjointRatio, double gradientRatio, int rounds,
                          double forwardSpread, double wallPerCpu, double sink) {
    }

    private static double[] gaussian(SplittableRandom random, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextGaussian();
        }
        return v;
    }

    private static double[] sum(double[] a, double[] b) {
        double[] s = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            s[i] = a[i] + b[i];
        }
        return s;
    }

    /** Median over rounds of a[r] / b[r]: both measured in the same round. */
    private static double medianRatio(double[] a, double[] b) {
        double[] ratio = new double[a.length];
        for (int r = 0; r < a.length; r++) {
            ratio[r] = a[r] / b[r];
        }
        return median(ratio);
    }

    private static double median(double[] v) {
        return quantile(v, 0.5);
    }

    /** Linear interpolation between order statistics. */
    private static double quantile(double[] v, double q) {
        double[] s = v.clone();
        Arrays.sort(s);
        double pos = q * (s.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, s.length - 1);
        return s[lo] + (pos - lo) * (s[hi] - s[lo]);
    }
}
