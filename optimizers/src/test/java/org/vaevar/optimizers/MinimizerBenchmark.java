package org.vaevar.optimizers;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.vaevar.api.DifferentiableFunction;
import org.vaevar.api.MinimizationResult;
import org.vaevar.api.Minimizer;
import org.vaevar.api.StoppingCriteria;
import org.vaevar.api.contract.MinimizerContract;

/**
 * Prints iterations, evaluations, time and allocation per solve for L-BFGS (m = 3, 7, 20) and the Commons Math CG
 * on three problems. A program, not a test. Run from the repository root:
 *
 * <pre>
 * mvn -q -pl optimizers -am test-compile dependency:build-classpath -Dmdep.outputFile=$PWD/optimizers/target/cp.txt
 * java -cp optimizers/target/test-classes:optimizers/target/classes:$(cat optimizers/target/cp.txt) \
 *      org.vaevar.optimizers.MinimizerBenchmark
 * </pre>
 *
 * <p>Timing: each case is warmed up for about 0.5 s, then solved repeatedly for about 1 s; "median us" is
 * the median over that window and "min us" the fastest single solve (the machine is shared: the median is the
 * figure to quote, the minimum what an idle machine would approach). Allocation is read from the JVM's per-thread counter
 * (HotSpot) over the same window. The functions cost O(n) per evaluation, so the figures show the minimizers'
 * own overhead; in an assimilation cost the evaluations dominate.
 */
public final class MinimizerBenchmark {

    private record Problem(String name, DifferentiableFunction f, double[] start) {
    }

    private record Case(String name, Supplier<Minimizer> minimizer) {
    }

    private MinimizerBenchmark() {
    }

    public static void main(String[] args) {
        StoppingCriteria stopping = new StoppingCriteria(10_000, 100_000, 1e-8, 0);
        List<Problem> problems = List.of(
                new Problem("quadratic n=40 (k=1e3)", TestProblems.tridiagonalQuadratic(40, 1e3), new double[40]),
                new Problem("quadratic n=1000 (k=1e3)", TestProblems.tridiagonalQuadratic(1000, 1e3),
                        new double[1000]),
                new Problem("rosenbrock n=40", MinimizerContract.rosenbrock(40), TestProblems.rosenbrockStart(40)));
        List<Case> cases = List.of(
                new Case("lbfgs m=3", () -> Lbfgs.withDefaults().withHistory(3)),
                new Case("lbfgs m=7", Lbfgs::withDefaults),
                new Case("lbfgs m=20", () -> Lbfgs.withDefaults().withHistory(20)),
                new Case("cg (polak-ribiere)", CommonsMathConjugateGradient::withDefaults));

        System.out.printf(Locale.ROOT, "stopping: %s; java %s%n%n", stopping, System.getProperty("java.version"));
        for (Problem p : problems) { // warm the JIT on every path before timing anything
            for (Case c : cases) {
                run(c.minimizer().get(), p, stopping, 200_000_000L, new ArrayList<>());
            }
        }
        String header = String.format(Locale.ROOT, "%-26s %-19s %6s %7s %11s %11s %7s %10s %-19s %9s",
                "problem", "minimizer", "iter", "evals", "median us", "min us", "solves", "KB/solve", "reason",
                "|g|/|g0|");
        System.out.println(header);
        System.out.println("-".repeat(header.length()));
        for (Problem p : problems) {
            for (Case c : cases) {
                System.out.println(row(p, c, stopping));
            }
        }
    }

    private static String row(Problem p, Case c, StoppingCriteria stopping) {
        Minimizer m = c.minimizer().get();
        MinimizationResult r = m.minimize(p.f(), p.start(), stopping);
        double g0 = norm(p.f().gradient(p.start()));
        run(m, p, stopping, 500_000_000L, new ArrayList<>());
        List<Long> times = new ArrayList<>();
        long bytesBefore = allocatedBytes();
        run(m, p, stopping, 1_000_000_000L, times);
        long bytes = allocatedBytes() - bytesBefore;
        long[] sorted = times.stream().mapToLong(Long::longValue).sorted().toArray();
        return String.format(Locale.ROOT, "%-26s %-19s %6d %7d %11.1f %11.1f %7d %10.1f %-19s %9.1e", p.name(),
                c.name(), r.iterations(), r.evaluations(), sorted[sorted.length / 2] / 1e3, sorted[0] / 1e3,
                sorted.length, bytes / 1024.0 / sorted.length, r.reason(), r.gradientNorm() / g0);
    }

    /** Solves repeatedly for at least {@code budgetNanos} (and at least 3 times), recording each solve's time. */
    private static void run(Minimizer m, Problem p, StoppingCriteria stopping, long budgetNanos, List<Long> times) {
        long total = 0;
        double sink = 0;
        while (total < budgetNanos || times.size() < 3) {
            long t0 = System.nanoTime();
            sink += m.minimize(p.f(), p.start(), stopping).value();
            long dt = System.nanoTime() - t0;
            times.add(dt);
            total += dt;
        }
        if (Double.isNaN(sink)) {
            System.out.println("(NaN)"); // keeps the JIT from discarding the solves
        }
    }

    private static long allocatedBytes() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean bean) {
            return bean.getThreadAllocatedBytes(Thread.currentThread().getId());
        }
        return 0;
    }

    private static double norm(double[] v) {
        return Math.sqrt(Arrays.stream(v).map(x -> x * x).sum());
    }
}
