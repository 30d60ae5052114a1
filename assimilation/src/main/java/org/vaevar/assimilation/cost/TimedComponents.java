package org.vaevar.assimilation.cost;

import java.util.random.RandomGenerator;
import org.vaevar.api.ControlTransform;
import org.vaevar.api.DifferentiableFunction;
import org.vaevar.api.DynamicalModel;
import org.vaevar.api.Linearization;
import org.vaevar.api.ObservationOperator;

/**
 * Decorators that charge the time of the cost's components to a {@link CostTimer}, so the cost itself holds only
 * mathematics. A decorator changes no number: it forwards every call and adds the elapsed time. The timing is
 * written out in each method (no lambda per call): these run inside the minimizer's inner loop.
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
                long t0 = System.nanoTime();
                double[] y = m.forecast(x, steps);
                timer.since(CostTimer.MODEL, t0);
                return y;
            }

            @Override
            public Linearization linearize(double[] x, int steps) {
                long t0 = System.nanoTime();
                Linearization l = m.linearize(x, steps);
                timer.since(CostTimer.MODEL, t0);
                return new TimedLinearization(l, timer, CostTimer.MODEL, CostTimer.ADJOINT);
            }

            @Override
            public double[] randomState(RandomGenerator random) {
                return m.randomState(random);
            }
        };
    }

    /** Everything the observation operator does, to {@code observation}. */
    public static ObservationOperator operator(ObservationOperator h, CostTimer timer) {
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
                long t0 = System.nanoTime();
                double[] y = h.apply(x);
                timer.since(CostTimer.OBSERVATION, t0);
                return y;
            }

            @Override
            public Linearization linearize(double[] x) {
                long t0 = System.nanoTime();
                Linearization l = h.linearize(x);
                timer.since(CostTimer.OBSERVATION, t0);
                return new TimedLinearization(l, timer, CostTimer.OBSERVATION, CostTimer.OBSERVATION);
            }
        };
    }

    /** The transform, its linearisation and adjoint, and its penalty, to {@code prior}. */
    public static ControlTransform transform(ControlTransform c, CostTimer timer) {
        DifferentiableFunction penalty = c.penalty();
        DifferentiableFunction timedPenalty = new DifferentiableFunction() {
            @Override
            public int dimension() {
                return penalty.dimension();
            }

            @Override
            public double value(double[] v) {
                long t0 = System.nanoTime();
                double p = penalty.value(v);
                timer.since(CostTimer.PRIOR, t0);
                return p;
            }

            @Override
            public double valueAndGradient(double[] v, double[] gradient) {
                long t0 = System.nanoTime();
                double p = penalty.valueAndGradient(v, gradient);
                timer.since(CostTimer.PRIOR, t0);
                return p;
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
                long t0 = System.nanoTime();
                double[] x = c.apply(v);
                timer.since(CostTimer.PRIOR, t0);
                return x;
            }

            @Override
            public Linearization linearize(double[] v) {
                long t0 = System.nanoTime();
                Linearization l = c.linearize(v);
                timer.since(CostTimer.PRIOR, t0);
                return new TimedLinearization(l, timer, CostTimer.PRIOR, CostTimer.PRIOR);
            }
        };
    }

    /** A linearisation whose tangent-linear and adjoint products are charged to two slots of the timer. */
    private record TimedLinearization(Linearization l, CostTimer timer, int tangentSlot, int adjointSlot)
            implements Linearization {

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
            long t0 = System.nanoTime();
            double[] y = l.apply(dx);
            timer.since(tangentSlot, t0);
            return y;
        }

        @Override
        public double[] applyAdjoint(double[] dy) {
            long t0 = System.nanoTime();
            double[] y = l.applyAdjoint(dy);
            timer.since(adjointSlot, t0);
            return y;
        }
    }
}
