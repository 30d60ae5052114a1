package org.vaevar.priors.vae;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.Map;
import org.vaevar.api.plugin.BackgroundErrorSamples;
import org.vaevar.priors.vae.net.Activation;
import org.vaevar.priors.vae.train.VaeTrainer;

/**
 * Benchmark (a program, not a test): training time of typical VAEs on 4000 synthetic samples, with early
 * stopping, at the provider's default training settings unless overridden.
 *
 * <pre>
 *   java -cp target/test-classes:target/classes:$(cat cp.txt) org.vaevar.priors.vae.TrainingBenchmark \
 *        [case: mlp3 | mlp40 | conv40 | all] [maxEpochs 300] [batchSize 128] [learningRate 1e-3] [hidden]
 * </pre>
 * Prints wall-clock and main-thread CPU seconds (ND4J runs single-threaded here, so on a shared machine the CPU
 * time is the better estimate of an unloaded run).
 */
public final class TrainingBenchmark {

    private TrainingBenchmark() {
    }

    public static void main(String[] args) {
        String which = args.length > 0 ? args[0] : "all";
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 128;
        double rate = args.length > 3 ? Double.parseDouble(args[3]) : 1e-3;
        Integer hidden = args.length > 4 ? Integer.parseInt(args[4]) : null;
        TrainingSettings settings = new TrainingSettings(0.25, 1, epochs, batch, rate, 0.2, 30, false, 1, 1);
        System.out.printf(Locale.ROOT, "%-44s %7s %5s %9s %8s %8s %7s%n", "case (4000 samples)", "params", "epochs",
                "val loss", "wall s", "cpu s", "s/epoch");
        if (which.equals("all") || which.equals("mlp3")) {
            run("mlp n=3 width " + (hidden == null ? 64 : hidden) + " depth 2",
                    new VaeArchitecture(VaeArchitecture.Kind.MLP, 3, 3, hidden == null ? 64 : hidden, 2, 1,
                            Activation.TANH, false), settings, SyntheticSamples.skewed(4000, 3, 1));
        }
        if (which.equals("all") || which.equals("mlp40")) {
            run("mlp n=40 width " + (hidden == null ? 64 : hidden) + " depth 2",
                    new VaeArchitecture(VaeArchitecture.Kind.MLP, 40, 40, hidden == null ? 64 : hidden, 2, 1,
                            Activation.TANH, false), settings, SyntheticSamples.periodic(4000, 40, 1));
        }
        if (which.equals("all") || which.equals("conv40")) {
            run("conv n=40 channels " + (hidden == null ? 16 : hidden) + " k 5 depth 2 conditional",
                    new VaeArchitecture(VaeArchitecture.Kind.CONV, 40, 40, hidden == null ? 16 : hidden, 2, 5,
                            Activation.TANH, true), settings, SyntheticSamples.periodic(4000, 40, 1));
        }
    }

    private static void run(String name, VaeArchitecture arch, TrainingSettings settings,
                            BackgroundErrorSamples samples) {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long c0 = cpu.getCurrentThreadCpuTime();
        TrainedVae vae = VaeTrainer.train(arch, settings, samples, Map.of(), (t, d, n, s) -> { });
        double cpuSeconds = (cpu.getCurrentThreadCpuTime() - c0) * 1e-9;
        TrainingSummary s = vae.summary();
        System.out.printf(Locale.ROOT, "%-44s %7d %5d %9.3f %8.1f %8.1f %7.2f%n", name, vae.parameterCount(),
                s.epochsRun(), s.validationLoss(), s.seconds(), cpuSeconds, s.seconds() / s.epochsRun());
    }
}
