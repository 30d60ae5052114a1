package org.vaevar.priors.vae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vaevar.api.ControlTransform;
import org.vaevar.priors.vae.net.Activation;
import org.vaevar.priors.vae.net.LayerSpec;
import org.vaevar.priors.vae.net.LogDetJacobian;
import org.vaevar.priors.vae.net.Network;

/** log|det ∂D/∂z|: value against independent determinants, the affine case, and the guard at singularity. */
class LogDetJacobianTest {

    @Test
    void valueEqualsTheCofactorDeterminantOfTheTangentLinearJacobian() {
        Network d = TestVaes.random(TestVaes.mlp(3, false), 21).decoder();
        double[] z = {0.4, -1.1, 0.7};
        double[][] j = LogDetJacobian.jacobian(d, z);
        double det = j[0][0] * (j[1][1] * j[2][2] - j[1][2] * j[2][1])
                - j[0][1] * (j[1][0] * j[2][2] - j[1][2] * j[2][0])
                + j[0][2] * (j[1][0] * j[2][1] - j[1][1] * j[2][0]);
        LogDetJacobian.Result r = LogDetJacobian.evaluate(d, z, true);
        assertThat(r.logAbsDet()).isCloseTo(Math.log(Math.abs(det)), within(1e-12 * Math.max(1, Math.abs(r.logAbsDet()))));
        assertThat(r.conditionNumber()).isFinite().isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void theJacobianFromTangentLinearPassesMatchesCentralDifferences() {
        Network d = TestVaes.random(TestVaes.conv(6, false), 22).decoder();
        double[] z = {0.1, 0.5, -0.3, 1.2, -0.8, 0.0};
        double[][] j = LogDetJacobian.jacobian(d, z);
        double h = 1e-5;
        for (int k = 0; k < z.length; k++) {
            double[] up = z.clone();
            double[] down = z.clone();
            up[k] += h;
            down[k] -= h;
            double[] fu = d.apply(up);
            double[] fd = d.apply(down);
            for (int i = 0; i < z.length; i++) {
                assertThat(j[i][k]).as("J[%d][%d]", i, k).isCloseTo((fu[i] - fd[i]) / (2 * h), within(1e-8));
            }
        }
    }

    @Test
    void anAffineDecoderHasConstantLogDetAndZeroGradient() {
        float[] w = {2f, 0.5f, -1f, 3f}; // training layout [in, out]: A = Wᵀ = [[2, -1], [0.5, 3]]
        Network affine = new Network(List.of(LayerSpec.dense("d", 2, 2, Activation.IDENTITY)
                .toLayer(w, new float[] {0.1f, -0.2f})));
        LogDetJacobian.Result r = LogDetJacobian.evaluate(affine, new double[] {0.3, -4}, true);
        assertThat(r.logAbsDet()).isCloseTo(Math.log(2 * 3 + 0.5 * 1), within(1e-15));
        assertThat(r.gradient()).containsExactly(new double[] {0, 0}, within(1e-15));
    }

    @Test
    void aSingularJacobianGivesAnInfiniteWallNotMinusInfinity() {
        TrainedVae vae = withTwoEqualOutputs(TestVaes.random(TestVaes.mlp(3, false), 23));
        VaePrior prior = VaePrior.of(vae, VaePriorOptions.defaults());
        ControlTransform t = prior.at(new double[] {0, 0, 0});
        LatentPenalty jac = new LatentPenalty(vae.decoder(), 1.0, true, true, 1e6);
        double[] z = {0.2, 0.1, -0.3};
        assertThat(jac.jacobianCondition(z)).isGreaterThan(1e6);
        assertThat(jac.value(z)).isEqualTo(Double.POSITIVE_INFINITY);
        double[] g = new double[3];
        assertThat(jac.valueAndGradient(z, g)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(g).containsOnly(Double.NaN);
        // Without the Jacobian term the same decoder is an ordinary (rank-deficient) prior.
        assertThat(t.penalty().value(z)).isCloseTo(0.5 * (0.04 + 0.01 + 0.09), within(1e-15));
    }

    @Test
    void aStartBehindTheWallIsRefusedWithTheConditionNumber() {
        TrainedVae vae = withTwoEqualOutputs(TestVaes.random(TestVaes.mlp(3, false), 24));
        VaePrior prior = VaePrior.of(vae, VaePriorOptions.defaults().withJacobianTerm(true));
        assertThatThrownBy(() -> prior.at(new double[] {0, 0, 0}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("jacobianTerm")
                .hasMessageContaining("condition number")
                .hasMessageContaining("start = zero");
    }

    @Test
    void theJacobianTermNeedsASquareDecoder() {
        VaeArchitecture a = new VaeArchitecture(VaeArchitecture.Kind.MLP, 4, 2, 8, 1, 1, Activation.TANH, false);
        TrainedVae vae = TestVaes.random(a, 25);
        assertThatThrownBy(() -> VaePrior.of(vae, VaePriorOptions.defaults().withJacobianTerm(true)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("latent 2")
                .hasMessageContaining("state 4");
    }

    /** The same VAE with decoder outputs 0 and 1 identical, so ∂D/∂z has two equal rows. */
    static TrainedVae withTwoEqualOutputs(TrainedVae vae) {
        Map<String, float[]> w = new HashMap<>(vae.weights());
        List<LayerSpec> dec = vae.architecture().decoderLayers();
        LayerSpec last = dec.get(dec.size() - 1);
        float[] wl = w.get(last.weightName()).clone();
        float[] bl = w.get(last.biasName()).clone();
        int out = last.outSize();
        for (int i = 0; i < last.inSize(); i++) {
            wl[i * out + 1] = wl[i * out];
        }
        bl[1] = bl[0];
        w.put(last.weightName(), wl);
        w.put(last.biasName(), bl);
        Map<String, float[]> ordered = new java.util.LinkedHashMap<>();
        for (String k : vae.weights().keySet()) {
            ordered.put(k, w.get(k));
        }
        return new TrainedVae(vae.architecture(), vae.normalisation(), vae.training(), vae.summary(), vae.setup(),
                ordered);
    }

    @Test
    void denseSplitFoldsAFixedInputIntoTheBias() {
        float[] w = {1f, 2f, 3f, 4f, 5f, 6f}; // [in = 3, out = 2]
        Network full = new Network(List.of(LayerSpec.dense("d", 3, 2, Activation.TANH)
                .toLayer(w, new float[] {0.5f, -0.5f})));
        Network folded = full.withFixedInputChannels(2, new double[] {0.7});
        double[] z = {0.1, -0.2};
        assertThat(folded.apply(z)).containsExactly(full.apply(new double[] {0.1, -0.2, 0.7}), within(1e-15));
        assertThat(folded.inputSize()).isEqualTo(2);
    }
}
