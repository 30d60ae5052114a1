package org.vaevar.priors.vae;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.vaevar.api.Linearization;
import org.vaevar.priors.vae.net.Activation;
import org.vaevar.priors.vae.net.LayerSpec;
import org.vaevar.priors.vae.train.Nd4jVae;

/**
 * Benchmark (a program, not a test): microseconds per decoder forward + tangent-linear + adjoint, as the
 * minimiser needs them once per cost evaluation, for the plain-Java decoder against ND4J doing the same work.
 *
 * <ul>
 *   <li>plain Java: {@code VaeControlTransform.linearize(z)}, then one {@code apply} and one {@code applyAdjoint};</li>
 *   <li>ND4J ops: the same algorithm with one INDArray call per matrix product / elementwise step (float32);</li>
 *   <li>SameDiff: forward plus the gradient of ⟨dy, D(z)⟩ (the adjoint; SameDiff has no tangent-linear mode).</li>
 * </ul>
 *
 * Run from priors-vae after {@code mvn -pl priors-vae -am test-compile}:
 * <pre>
 *   mvn -q dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test
 *   java -cp target/test-classes:target/classes:$(cat cp.txt) org.vaevar.priors.vae.DecoderBenchmark
 * </pre>
 * Prints wall-clock and thread-CPU time per call (median of blocks); on a shared machine trust CPU time more.
 */
public final class DecoderBenchmark {

    private static final java.lang.management.ThreadMXBean CPU =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private DecoderBenchmark() {
    }

    public static void main(String[] args) {
        Nd4j.create(1);
        org.nd4j.nativeblas.NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(1);
        ((org.nd4j.nativeblas.Nd4jBlas) Nd4j.factory().blas()).setMaxThreads(1);
        System.out.println("decoder forward + TL + AD, microseconds per call (wall / thread CPU), one thread");
        System.out.printf(Locale.ROOT, "%-36s %9s %16s %16s %16s%n", "decoder", "weights", "plain Java",
                "ND4J ops", "SameDiff fwd+AD");
        List<VaeArchitecture> archs = List.of(
                new VaeArchitecture(VaeArchitecture.Kind.MLP, 3, 3, 64, 2, 1, Activation.TANH, false),
                new VaeArchitecture(VaeArchitecture.Kind.MLP, 40, 40, 64, 2, 1, Activation.TANH, false),
                new VaeArchitecture(VaeArchitecture.Kind.MLP, 40, 40, 128, 2, 1, Activation.TANH, false),
                new VaeArchitecture(VaeArchitecture.Kind.CONV, 40, 40, 16, 2, 5, Activation.TANH, false));
        for (VaeArchitecture a : archs) {
            TrainedVae vae = TestVaes.random(a, 1);
            int decoderWeights = 0;
            for (LayerSpec s : a.decoderLayers()) {
                decoderWeights += vae.weights().get(s.weightName()).length + s.outSize();
            }
            double[] plain = plainJava(vae);
            double[] ops = a.kind() == VaeArchitecture.Kind.MLP ? nd4jOps(vae) : new double[] {Double.NaN, Double.NaN};
            double[] sd = sameDiff(vae);
            String name = a.kind().id() + " n=" + a.stateDimension() + (a.kind() == VaeArchitecture.Kind.MLP
                    ? " width " + a.hidden() : " channels " + a.hidden() + " k " + a.kernel())
                    + " depth " + a.depth();
            System.out.printf(Locale.ROOT, "%-36s %9d %16s %16s %16s%n", name, decoderWeights, fmt(plain), fmt(ops),
                    fmt(sd));
        }
    }

    private static String fmt(double[] t) {
        return Double.isNaN(t[0]) ? "-" : String.format(Locale.ROOT, "%7.1f / %6.1f", t[0], t[1]);
    }

    /** Median over blocks of (wall, cpu) microseconds per call. */
    private static double[] time(Runnable call, int perBlock) {
        for (int i = 0; i < perBlock * 3; i++) {
            call.run(); // warm-up (JIT)
        }
        int blocks = 9;
        double[] wall = new double[blocks];
        double[] cpu = new double[blocks];
        for (int b = 0; b < blocks; b++) {
            long c0 = CPU.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            for (int i = 0; i < perBlock; i++) {
                call.run();
            }
            wall[b] = (System.nanoTime() - t0) / 1e3 / perBlock;
            cpu[b] = (CPU.getCurrentThreadCpuTime() - c0) / 1e3 / perBlock;
        }
        java.util.Arrays.sort(wall);
        java.util.Arrays.sort(cpu);
        return new double[] {wall[blocks / 2], cpu[blocks / 2]};
    }

    private static double[] plainJava(TrainedVae vae) {
        VaeControlTransform t = (VaeControlTransform) VaePrior.of(vae, VaePriorOptions.defaults())
                .at(new double[vae.stateDimension()]);
        SplittableRandom r = new SplittableRandom(1);
        double[] z = gaussian(r, vae.latentDimension());
        double[] dz = gaussian(r, vae.latentDimension());
        double[] dy = gaussian(r, vae.stateDimension());
        double[] sink = new double[1];
        return time(() -> {
            Linearization lin = t.linearize(z);
            sink[0] += lin.apply(dz)[0] + lin.applyAdjoint(dy)[0] + lin.value()[0];
        }, vae.stateDimension() > 10 ? 2000 : 20000);
    }

    /** The same algorithm with one INDArray call per step (tanh MLP only). */
    private static double[] nd4jOps(TrainedVae vae) {
        List<INDArray> w = new ArrayList<>();
        List<INDArray> b = new ArrayList<>();
        for (LayerSpec s : vae.architecture().decoderLayers()) {
            w.add(Nd4j.create(vae.weights().get(s.weightName()), s.weightShape(), 'c'));
            b.add(Nd4j.create(vae.weights().get(s.biasName()), new long[] {1, s.outSize()}, 'c'));
        }
        SplittableRandom r = new SplittableRandom(1);
        INDArray z = row(gaussian(r, vae.latentDimension()));
        INDArray dz = row(gaussian(r, vae.latentDimension()));
        INDArray dy = row(gaussian(r, vae.stateDimension()));
        INDArray sigma = row(vae.normalisation().correctionScale());
        int depth = w.size();
        double[] sink = new double[1];
        return time(() -> {
            INDArray[] deriv = new INDArray[depth];
            INDArray h = z;
            for (int l = 0; l < depth; l++) {
                INDArray a = h.mmul(w.get(l)).addi(b.get(l));
                if (l < depth - 1) {
                    h = Transforms.tanh(a, true);
                    deriv[l] = h.mul(h).rsubi(1);             // tanh' = 1 − tanh²
                } else {
                    h = a;
                }
            }
            INDArray x = h.mul(sigma);
            INDArray t = dz;
            for (int l = 0; l < depth; l++) {
                t = t.mmul(w.get(l));
                if (l < depth - 1) {
                    t.muli(deriv[l]);
                }
            }
            t.muli(sigma);
            INDArray lam = dy.mul(sigma);
            for (int l = depth - 1; l >= 0; l--) {
                if (l < depth - 1) {
                    lam = lam.muli(deriv[l]);
                }
                lam = lam.mmul(w.get(l).transpose());
            }
            sink[0] += x.getDouble(0) + t.getDouble(0) + lam.getDouble(0);
        }, vae.stateDimension() > 10 ? 300 : 1000);
    }

    /** SameDiff: the decoder graph's output and the gradient of ⟨dy, D(z)⟩ with respect to z. */
    private static double[] sameDiff(TrainedVae vae) {
        SameDiff sd = SameDiff.create();
        VaeArchitecture a = vae.architecture();
        SplittableRandom r = new SplittableRandom(1);
        // z as a variable: SameDiff M2.1 gives no gradient for a placeholder feeding a convolution.
        SDVariable z = sd.var("z", row(gaussian(r, a.latentDimension())));
        SDVariable dy = sd.placeHolder("dy", DataType.FLOAT, 1, a.stateDimension());
        SDVariable decoded = Nd4jVae.decoderGraph(sd, vae, z);
        sd.sum("objective", decoded.mul(dy));
        sd.setLossVariables("objective");
        Map<String, INDArray> in = new HashMap<>();
        in.put("dy", row(gaussian(r, a.stateDimension())));
        org.vaevar.priors.vae.train.QuietSameDiff.run(() -> sd.calculateGradients(in, "z"));
        double[] sink = new double[1];
        return time(() -> {
            Map<String, INDArray> g = sd.calculateGradients(in, "z");
            sink[0] += g.get("z").getDouble(0);
        }, 200);
    }

    private static INDArray row(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return Nd4j.create(f, new long[] {1, v.length}, 'c');
    }

    private static double[] gaussian(SplittableRandom r, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextGaussian();
        }
        return v;
    }
}
