package org.vaevar.assimilation.cost;

import java.util.function.LongConsumer;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.vaevar.api.ControlTransform;
import org.vaevar.api.DifferentiableFunction;
import org.vaevar.api.DynamicalModel;
import org.vaevar.api.Linearization;
import org.vaevar.api.ObservationOperator;

/**
 * Decorators that charge the time of the cost's components to a {@link CostTimer}, so the cost itself holds only
 * mathematics. A decorator changes no number: it forwards every call and adds the elapsed time.
 */
public final class TimedComponents {

    private TimedComponents() {
    }

    /** Forecasts and linearisations to {@code model}, adjoint sweeps of the linearisations to {@code adjoint}. */
    public static DynamicalModel model(DynamicalModel m, CostTimer timer) {
        return new DynamicalModel() {
            @Override
            public String name() {
                return m.name();
            }

            @Override
            public int dimension() {
                return m.dimension();
            }

            @Override
            public double timeStep() {
                return m.timeStep();
            }

            @Override
            public double[] forecast(double[] x, int steps) {
                return time(() -> m.forecast(x, steps), t -> timer.modelNanos += t);
            }

            @Override
            public Linearization linearize(double[] x, int steps) {
                Linearization l = time(() -> m.linearize(x, steps), t -> timer.modelNanos += t);
                return timed(l, t -> timer.modelNanos += t, t -> timer.adjointNanos += t);
            }

            @Override
            public double[] randomState(RandomGenerator random) {
                return m.randomState(random);
            }
        };
    }

    /** Everything the observation operator does, to {@code observation}. */
    public static ObservationOperator operator(ObservationOperator h, CostTimer timer) {
        LongConsumer charge = t -> timer.observationNanos += t;
        return new ObservationOperator() {
            @Override
            public String name() {
                return h.name();
            }

            @Override
            public int inputDimension() {
                return h.inputDimension();
            }

            @Override
            public int outputDimension() {
                return h.outputDimension();
            }

            @Override
            public double[] apply(double[] x) {
                return time(() -> h.apply(x), charge);
            }

            @Override
            public Linearization linearize(double[] x) {
                return timed(time(() -> h.linearize(x), charge), charge, charge);
            }
        };
    }

    /** The transform, its linearisation and adjoint, and its penalty, to {@code prior}. */
    public static ControlTransform transform(ControlTransform c, CostTimer timer) {
        LongConsumer charge = t -> timer.priorNanos += t;
        DifferentiableFunction penalty = c.penalty();
        DifferentiableFunction timedPenalty = new DifferentiableFunction() {
            @Override
            public int dimension() {
                return penalty.dimension();
            }

            @Override
            public double value(double[] v) {
                return timeDouble(() -> penalty.value(v), charge);
            }

            @Override
            public double valueAndGradient(double[] v, double[] gradient) {
                return timeDouble(() -> penalty.valueAndGradient(v, gradient), charge);
            }
        };
        return new ControlTransform() {
            @Override
            public double[] background() {
                return c.background();
            }

            @Override
            public double[] initialControl() {
                return c.initialControl();
            }

            @Override
            public DifferentiableFunction penalty() {
                return timedPenalty;
            }

            @Override
            public int inputDimension() {
                return c.inputDimension();
            }

            @Override
            public int outputDimension() {
                return c.outputDimension();
            }

            @Override
            public double[] apply(double[] v) {
                return time(() -> c.apply(v), charge);
            }

            @Override
            public Linearization linearize(double[] v) {
                return timed(time(() -> c.linearize(v), charge), charge, charge);
            }
        };
    }

    private static Linearization timed(Linearization l, LongConsumer tangent, LongConsumer adjoint) {
        return new Linearization() {
            @Override
            public double[] value() {
                return l.value();
            }

            @Override
            public int inputDimension() {
                return l.inputDimension();
            }

            @Override
            public int outputDimension() {
                return l.outputDimension();
            }

            @Override
            public double[] apply(double[] dx) {
                return time(() -> l.apply(dx), tangent);
            }

            @Override
            public double[] applyAdjoint(double[] dy) {
                return time(() -> l.applyAdjoint(dy), adjoint);
            }
        };
    }

    private static <T> T time(Supplier<T> call, LongConsumer charge) {
        long t0 = System.nanoTime();
        T result = call.get();
        charge.accept(System.nanoTime() - t0);
        return result;
    }

    private static double timeDouble(java.util.function.DoubleSupplier call, LongConsumer charge) {
        long t0 = System.nanoTime();
        double result = call.getAsDouble();
        charge.accept(System.nanoTime() - t0);
        return result;
    }
}
