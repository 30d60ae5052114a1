package org.vaevar.priors.vae.net;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;

/**
 * Benchmark program (prints a table; not a test): the floating-point rate of the circular-convolution decoder's
 * forward pass with its tape plus one adjoint pass, the work of one cost gradient, next to the rate of a
 * vectorisable fused multiply-add loop measured in the same JVM, so the decoder's number reads as a fraction of
 * what this JIT and CPU give a simple loop. Each rate is warmed up until five consecutive blocks agree within
 * 5 % (or 60 blocks), then measured over 15 blocks: the median and the min–max spread are printed.
 *
 * <p>FLOPs counted: 2·n·c_in·c_out·k per convolution layer and pass (multiply and add), biases and activations
 * not counted.
 */
public final class DecoderThroughput {

    private static final java.lang.management.ThreadMXBean CPU =
            java.lang.management.ManagementFactory.getThreadMXBean();
    private static final int MEASURED_BLOCKS = 15;
    private static final double BLOCK_SECONDS = 0.1;

    private DecoderThroughput() {
    }

    public static void main(String[] args) {
        run(System.out);
    }

    /** The measured rate of one kernel: median and spread over blocks, GFLOP/s. */
    public record Rate(double median, double min, double max, int warmupBlocks) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%6.2f  [%5.2f – %5.2f]", median, min, max);
        }
    }

    public static void run(PrintStream out) {
        out.println("ratio = decoder / FMA loop. Circular-conv decoder (tanh, 16 channels, k 5, depth 2: layers 1→16→16→1), forward with tape"
                + " + adjoint, GFLOP/s of thread CPU time, one thread");
        out.printf(Locale.ROOT, "%-10s %12s %26s %26s %26s %8s%n", "n", "kflop/call", "decoder",
                "16→16 conv layer only", "FMA loop (same JVM)", "ratio");
        for (int n : new int[] {40, 1000}) {
            Network decoder = randomConvDecoder(n, 16, 5, 2, 1);
            double flops = 2 * convFlops(n, 16, 5, 2);
            Rate d = decoderRate(decoder, flops);
            Rate conv = convRate(n);
            Rate f = fmaRate();
            out.printf(Locale.ROOT, "%-10d %12.1f %26s %26s %26s %7.0f%%%n", n, flops / 1e3, d, conv, f,
                    100 * d.median() / f.median());
        }
    }

    /** Multiply-adds ×2 of one pass of the conv decoder layers 1→c→…→c→1. */
    static double convFlops(int n, int channels, int kernel, int depth) {
        double macs = (double) n * kernel * (channels + (depth - 1) * channels * channels + channels);
        return 2 * macs;
    }

    /** A decoder of the conv architecture with random weights (the conditioning input already folded). */
    public static Network randomConvDecoder(int n, int channels, int kernel, int depth, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Layer> layers = new ArrayList<>();
        int in = 1;
        for (int l = 0; l <= depth; l++) {
            int outChannels = l == depth ? 1 : channels;
            Activation f = l == depth ? Activation.IDENTITY : Activation.TANH;
            LayerSpec spec = LayerSpec.convolution("decoder." + l, n, in, outChannels, kernel, f);
            float[] w = new float[kernel * in * outChannels];
            float[] b = new float[outChannels];
            double scale = 1 / Math.sqrt(kernel * in);
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) (scale * random.nextGaussian());
            }
            for (int i = 0; i < b.length; i++) {
                b[i] = (float) (0.1 * random.nextGaussian());
            }
            layers.add(spec.toLayer(w, b));
            in = outChannels;
        }
        return new Network(layers);
    }

    static Rate decoderRate(Network decoder, double flopsPerCall) {
        SplittableRandom random = new SplittableRandom(2);
        double[] z = new double[decoder.inputSize()];
        double[] dy = new double[decoder.outputSize()];
        for (int i = 0; i < z.length; i++) {
            z[i] = random.nextGaussian();
        }
        for (int i = 0; i < dy.length; i++) {
            dy[i] = random.nextGaussian();
        }
        double[] sink = new double[1];
        return rate(() -> {
            NetworkTape tape = decoder.linearize(z);
            double[] g = tape.applyAdjoint(dy);
            sink[0] += g[0];
            return flopsPerCall;
        }, sink);
    }

    /** The middle 16 → 16 layer's forward and transpose products alone (no activation, no tape). */
    static Rate convRate(int n) {
        SplittableRandom random = new SplittableRandom(3);
        float[] w = new float[5 * 16 * 16];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) random.nextGaussian();
        }
        CircularConvWeights conv = CircularConvWeights.fromTrainingLayout(n, 16, 16, 5, w);
        double[] x = new double[n * 16];
        double[] y = new double[n * 16];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextGaussian();
        }
        double[] sink = new double[1];
        return rate(() -> {
            conv.apply(x, y);
            conv.applyTranspose(y, x);
            sink[0] += x[0];
            return 2 * 2.0 * n * 16 * 16 * 5;
        }, sink);
    }

    /** y ← a·x + y over 1024 doubles (L1-resident), with Math.fma: C2 compiles it to vector FMAs. */
    static Rate fmaRate() {
        double[] x = new double[1024];
        double[] y = new double[1024];
        Arrays.fill(x, 1e-3);
        double[] sink = new double[1];
        return rate(() -> {
            double a = 0.999;
            for (int r = 0; r < 64; r++) {
                for (int i = 0; i < x.length; i++) {
                    y[i] = Math.fma(a, x[i], y[i]);
                }
            }
            sink[0] += y[17];
            return 2.0 * 64 * x.length;
        }, sink);
    }

    private static Rate rate(DoubleSupplier call, double[] sink) {
        List<Double> recent = new ArrayList<>();
        int warm = 0;
        while (warm < 60) {
            recent.add(block(call));
            warm++;
            if (recent.size() >= 5) {
                List<Double> last = recent.subList(recent.size() - 5, recent.size());
                double lo = last.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
                double hi = last.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
                if (hi - lo < 0.05 * hi) {
                    break;
                }
            }
        }
        double[] measured = new double[MEASURED_BLOCKS];
        for (int b = 0; b < measured.length; b++) {
            measured[b] = block(call);
        }
        Arrays.sort(measured);
        if (sink[0] == 42.4242) { // keeps the results alive
            System.out.print("");
        }
        return new Rate(measured[measured.length / 2], measured[0], measured[measured.length - 1], warm);
    }

    /**
     * GFLOP/s of calls repeated for about {@link #BLOCK_SECONDS} of this thread's CPU time (on a shared machine
     * wall time counts other processes' time slices too).
     */
    private static double block(DoubleSupplier call) {
        double flops = 0;
        long start = CPU.getCurrentThreadCpuTime();
        long end = start + (long) (BLOCK_SECONDS * 1e9);
        long now;
        do {
            for (int i = 0; i < 8; i++) {
                flops += call.getAsDouble();
            }
            now = CPU.getCurrentThreadCpuTime();
        } while (now < end);
        return flops / (now - start);
    }
}
