package org.vaevar.priors.vae;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vaevar.priors.vae.net.Activation;
import org.vaevar.priors.vae.net.Network;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.vaevar.priors.vae.train.Nd4jLayers;
import org.vaevar.priors.vae.train.Nd4jVae;
import org.vaevar.priors.vae.train.QuietSameDiff;

/**
 * The plain-Java networks compute what the ND4J graph they were trained as computes: same layouts, same
 * activations, same periodic padding (both ND4J forms of the circular convolution: dense circulant on small
 * grids, padded conv1d on large ones). ND4J runs in float32, so agreement is to float precision: relative
 * 1e-5 of the output scale.
 */
class Nd4jAgreementTest {

    static java.util.stream.Stream<Arguments> architectures() {
        java.util.List<Arguments> list = new java.util.ArrayList<>();
        for (Activation f : new Activation[] {Activation.TANH, Activation.ELU, Activation.SOFTPLUS, Activation.SWISH}) {
            list.add(Arguments.of(new VaeArchitecture(VaeArchitecture.Kind.MLP, 3, 3, 8, 2, 1, f, false)));
        }
        list.add(Arguments.of(new VaeArchitecture(VaeArchitecture.Kind.MLP, 5, 5, 8, 2, 1, Activation.TANH, true)));
        list.add(Arguments.of(new VaeArchitecture(VaeArchitecture.Kind.CONV, 12, 12, 4, 2, 5, Activation.TANH, false)));
        list.add(Arguments.of(new VaeArchitecture(VaeArchitecture.Kind.CONV, 12, 24, 3, 1, 3, Activation.ELU, true)));
        // A grid large enough that the 8 → 8 layers exceed the circulant budget and run as ND4J conv1d.
        list.add(Arguments.of(new VaeArchitecture(VaeArchitecture.Kind.CONV, 160, 160, 8, 2, 5, Activation.TANH, false)));
        return list.stream();
    }

    /** The graph helper builds unconditional decoders (a conditional one differs only in its first bias). */
    static java.util.stream.Stream<Arguments> unconditionalArchitectures() {
        return architectures().filter(a -> !((VaeArchitecture) a.get()[0]).conditional());
    }

    @ParameterizedTest
    @MethodSource("architectures")
    void plainJavaDecoderAndEncoderEqualTheNd4jGraph(VaeArchitecture arch) {
        TrainedVae vae = TestVaes.random(arch, 11);
        Nd4jVae graph = new Nd4jVae(vae);
        SplittableRandom r = new SplittableRandom(5);
        int rows = 7;
        int n = arch.stateDimension();
        double[][] z = new double[rows][arch.latentDimension()];
        double[][] xb = new double[rows][n];
        double[][] delta = new double[rows][n];
        for (int k = 0; k < rows; k++) {
            for (int i = 0; i < z[k].length; i++) {
                z[k][i] = 1.5 * r.nextGaussian();
            }
            for (int i = 0; i < n; i++) {
                xb[k][i] = r.nextGaussian();
                delta[k][i] = r.nextGaussian();
            }
        }
        double[][] decoded = graph.decode(z, arch.conditional() ? xb : null);
        double[][] mu = graph.encoderMean(delta, arch.conditional() ? xb : null);
        Network decoder = vae.decoder();
        Network encoder = vae.encoder();
        for (int k = 0; k < rows; k++) {
            double[] dIn = arch.conditional() ? arch.joinWithBackground(z[k], arch.latentChannels(), xb[k]) : z[k];
            double[] eIn = arch.conditional() ? arch.joinWithBackground(delta[k], arch.encoderDeltaChannels(), xb[k])
                    : delta[k];
            assertClose(decoder.apply(dIn), decoded[k], "decoder row " + k);
            assertClose(arch.encoderMean(encoder.apply(eIn)), mu[k], "encoder mean row " + k);
        }
    }

    /**
     * The plain-Java adjoint equals ND4J's reverse-mode autodiff of the same graph: the gradient of ⟨dy, D(z)⟩
     * with respect to z, an implementation of the adjoint independent of ours.
     */
    @ParameterizedTest
    @MethodSource("unconditionalArchitectures")
    void plainJavaAdjointEqualsNd4jAutodiff(VaeArchitecture arch) {
        TrainedVae vae = TestVaes.random(arch, 12);
        SplittableRandom r = new SplittableRandom(6);
        int n = arch.stateDimension();
        double[] z = new double[arch.latentDimension()];
        double[] dy = new double[n];
        for (int i = 0; i < z.length; i++) {
            z[i] = r.nextGaussian();
        }
        for (int i = 0; i < n; i++) {
            dy[i] = r.nextGaussian();
        }
        SameDiff sd = SameDiff.create();
        SDVariable zv = sd.var("z", Nd4jLayers.matrix(new double[][] {z}));   // a variable: see DecoderBenchmark
        SDVariable dyv = sd.constant("dy", Nd4jLayers.matrix(new double[][] {dy}));
        sd.sum("objective", Nd4jVae.decoderGraph(sd, vae, zv).mul(dyv));
        sd.setLossVariables("objective");
        double[][] autodiff = new double[1][];
        QuietSameDiff.run(() -> autodiff[0] = sd.calculateGradients(java.util.Map.of(), "z").get("z").toDoubleVector());
        // The float graph saw z and dy rounded to float: compare with the plain adjoint at the same inputs.
        double[] zf = new double[z.length];
        double[] dyf = new double[n];
        for (int i = 0; i < z.length; i++) {
            zf[i] = (float) z[i];
        }
        for (int i = 0; i < n; i++) {
            dyf[i] = (float) dy[i];
        }
        assertClose(vae.decoder().linearize(zf).applyAdjoint(dyf), autodiff[0], "adjoint vs autodiff");
    }

    private static void assertClose(double[] plain, double[] nd4j, String what) {
        assertThat(plain).hasSameSizeAs(nd4j);
        double scale = 0;
        double err = 0;
        for (int i = 0; i < plain.length; i++) {
            scale = Math.max(scale, Math.abs(plain[i]));
            err = Math.max(err, Math.abs(plain[i] - nd4j[i]));
        }
        assertThat(err).as("%s: max |plain − nd4j| against scale %.3g", what, scale)
                .isLessThanOrEqualTo(1e-5 * Math.max(1, scale));
    }
}
