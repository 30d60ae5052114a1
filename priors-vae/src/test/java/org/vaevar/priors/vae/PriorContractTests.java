package org.vaevar.priors.vae;

import org.junit.jupiter.api.Nested;
import org.vaevar.api.BackgroundPrior;
import org.vaevar.api.DifferentiableFunction;
import org.vaevar.api.contract.BackgroundPriorContract;
import org.vaevar.api.contract.DifferentiableFunctionContract;
import org.vaevar.api.contract.PluginProviderContract;
import org.vaevar.api.contract.Tolerances;
import org.vaevar.api.plugin.PluginKind;
import org.vaevar.api.plugin.PluginProvider;

/**
 * The contract kit on the VAE prior: the plain-Java transform (double arithmetic over float weights) passes the
 * standard bounds, 1e-12 adjoint included, for MLP, convolutional and conditional decoders; the penalty with
 * the log|det ∂D/∂z| term passes the gradient check; the provider is registered and documented.
 */
class PriorContractTests {

    /**
     * The Taylor bound for decoder transforms. The minimum over ε of the relative remainder is set by rounding:
     * about 2·sqrt(c·u·r) with c the relative curvature of the map along dx (c ≈ 1.4 for the MLP below) and
     * r = ‖T(z)‖/‖T'dz‖ ≈ 10 (T = xb + σ ⊙ D carries xb), i.e. ≈ 7e-8, and the decade grid of ε lands at 1.0e-7.
     * 1e-6 keeps a margin while a wrong tangent-linear (1e-4 relative in the kit's own self-test) still fails by
     * two orders; the ε² slope and the 1e-12 adjoint bound stay standard.
     */
    static Tolerances decoderTolerances() {
        return Tolerances.standard().withTaylor(1e-6);
    }

    @Nested
    class MlpPrior extends BackgroundPriorContract {
        @Override
        protected Tolerances tolerances() {
            return decoderTolerances();
        }

        @Override
        protected BackgroundPrior prior() {
            return VaePrior.of(TestVaes.random(TestVaes.mlp(3, false), 1), VaePriorOptions.defaults());
        }
    }

    /** Trained once (tiny, a few epochs) and shared: the kit on weights that came out of ND4J training. */
    private static TrainedVae trained;

    private static synchronized TrainedVae trained() {
        if (trained == null) {
            VaeArchitecture a = new VaeArchitecture(VaeArchitecture.Kind.MLP, 3, 3, 16, 2, 1,
                    org.vaevar.priors.vae.net.Activation.SOFTPLUS, true);
            trained = org.vaevar.priors.vae.train.VaeTrainer.train(a,
                    TrainingSettings.defaults(3).withEpochs(5).withBatchSize(64), SyntheticSamples.conditional(400, 3, 2),
                    java.util.Map.of(), (t, d, n, st) -> { });
        }
        return trained;
    }

    @Nested
    class TrainedConditionalMlpPrior extends BackgroundPriorContract {
        @Override
        protected Tolerances tolerances() {
            return decoderTolerances();
        }

        @Override
        protected BackgroundPrior prior() {
            return VaePrior.of(trained(), VaePriorOptions.defaults().withStart(VaePriorOptions.Start.ENCODER));
        }
    }

    @Nested
    class TrainedPenaltyWithJacobianTerm extends DifferentiableFunctionContract {
        @Override
        protected DifferentiableFunction function() {
            return VaePrior.of(trained(), VaePriorOptions.defaults().withJacobianTerm(true))
                    .at(new double[] {1.0, -0.5, 0.2}).penalty();
        }
    }

    @Nested
    class MlpPriorWithEncoderStartAndElu extends BackgroundPriorContract {
        @Override
        protected Tolerances tolerances() {
            return decoderTolerances();
        }

        @Override
        protected BackgroundPrior prior() {
            VaeArchitecture a = new VaeArchitecture(VaeArchitecture.Kind.MLP, 5, 5, 12, 3, 1,
                    org.vaevar.priors.vae.net.Activation.ELU, false);
            return VaePrior.of(TestVaes.random(a, 2),
                    VaePriorOptions.defaults().withStart(VaePriorOptions.Start.ENCODER).withLatentScale(0.5));
        }
    }

    @Nested
    class ConvPrior extends BackgroundPriorContract {
        @Override
        protected Tolerances tolerances() {
            return decoderTolerances();
        }

        @Override
        protected BackgroundPrior prior() {
            return VaePrior.of(TestVaes.random(TestVaes.conv(12, false), 3), VaePriorOptions.defaults());
        }
    }

    @Nested
    class ConditionalMlpPrior extends BackgroundPriorContract {
        @Override
        protected Tolerances tolerances() {
            return decoderTolerances();
        }

        @Override
        protected BackgroundPrior prior() {
            return VaePrior.of(TestVaes.random(TestVaes.mlp(4, true), 4),
                    VaePriorOptions.defaults().withStart(VaePriorOptions.Start.ENCODER));
        }
    }

    @Nested
    class ConditionalConvPrior extends BackgroundPriorContract {
        @Override
        protected Tolerances tolerances() {
            return decoderTolerances();
        }

        @Override
        protected BackgroundPrior prior() {
            return VaePrior.of(TestVaes.random(TestVaes.conv(10, true), 5), VaePriorOptions.defaults());
        }
    }

    /** A conv VAE made for 8 points (pooled normalisation) and run on 20: the grid transfer of windowed training. */
    @Nested
    class ConditionalConvPriorOnAnotherGrid extends BackgroundPriorContract {
        @Override
        protected Tolerances tolerances() {
            return decoderTolerances();
        }

        @Override
        protected BackgroundPrior prior() {
            double[] mb = new double[8];
            for (int i = 0; i < 8; i++) {
                mb[i] = 0.1 * i; // averaged by the transfer
            }
            return VaePrior.of(convOnEightPoints(mb).onGrid(20), VaePriorOptions.defaults());
        }
    }

    /** The same conv VAE on a ring of 10 000 points: several blocks, so the blocked decoder loops are checked. */
    @Nested
    class ConditionalConvPriorOnALargeGrid extends BackgroundPriorContract {
        @Override
        protected Tolerances tolerances() {
            return decoderTolerances();
        }

        @Override
        protected BackgroundPrior prior() {
            return VaePrior.of(convOnEightPoints(new double[8]).onGrid(10_000), VaePriorOptions.defaults());
        }
    }

    /** A random conditional conv VAE made for 8 points: σ_δ 0.8, background scale 1.3, background means given. */
    private static TrainedVae convOnEightPoints(double[] backgroundMeans) {
        TrainedVae v = TestVaes.random(TestVaes.conv(8, true), 7);
        double[] sd = new double[8];
        double[] sb = new double[8];
        java.util.Arrays.fill(sd, 0.8);
        java.util.Arrays.fill(sb, 1.3);
        return new TrainedVae(v.architecture(), new Normalisation(sd, backgroundMeans, sb), v.training(),
                v.summary(), v.setup(), v.weights());
    }

    /**
     * The transform is the MLP one; this checks the penalty's gradient with the Jacobian term through the kit.
     * (With weights seed 6 and n = 3 the kit's adjoint test fails at 1.5e-12: ⟨M'dx, dy⟩ = 1.9e-4 from terms of
     * order 1, a cancellation of 5000 on an absolute mismatch of 2.8e-16, i.e. rounding; the kit scales the
     * mismatch by |⟨M'dx, dy⟩| rather than ‖M'dx‖‖dy‖.)
     */
    @Nested
    class PriorWithJacobianTerm extends BackgroundPriorContract {
        @Override
        protected Tolerances tolerances() {
            return decoderTolerances();
        }

        @Override
        protected BackgroundPrior prior() {
            return VaePrior.of(TestVaes.random(TestVaes.mlp(4, false), 6),
                    VaePriorOptions.defaults().withJacobianTerm(true));
        }

        @Override
        protected double controlSpread() {
            return 0.5;
        }
    }

    /** P(z) = ½‖z‖²/τ + log|det ∂D/∂z|, MLP decoder. */
    @Nested
    class JacobianPenaltyMlp extends DifferentiableFunctionContract {
        @Override
        protected DifferentiableFunction function() {
            return VaePrior.of(TestVaes.random(TestVaes.mlp(3, false), 7),
                            VaePriorOptions.defaults().withJacobianTerm(true).withLatentScale(2))
                    .at(new double[] {0.3, -0.2, 1.0}).penalty();
        }
    }

    /** The Jacobian term alone (no latent penalty) on a conditional convolutional decoder. */
    @Nested
    class JacobianPenaltyConditionalConv extends DifferentiableFunctionContract {
        @Override
        protected DifferentiableFunction function() {
            double[] xb = new double[8];
            for (int i = 0; i < xb.length; i++) {
                xb[i] = Math.sin(i);
            }
            return VaePrior.of(TestVaes.random(TestVaes.conv(8, true), 8),
                            VaePriorOptions.defaults().withJacobianTerm(true).withLatentPenalty(false))
                    .at(xb).penalty();
        }
    }

    @Nested
    class Provider extends PluginProviderContract {
        @Override
        protected PluginProvider provider() {
            return new VaePriorProvider();
        }

        @Override
        protected PluginKind kind() {
            return PluginKind.PRIOR;
        }
    }
}
