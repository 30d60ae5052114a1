package org.vaevar.assimilation.experiment;

import java.util.LinkedHashMap;
import java.util.Map;
import org.vaevar.api.StopReason;

/**
 * The statistics of one run, accumulated cycle by cycle so that a run holds nothing per cycle: means over the
 * cycles after spin-up, counts over every cycle. A mean is the plain sum of the values in cycle order divided by
 * their count, s = (…((0 + v_s) + v_{s+1}) + …) / n, the same operations in the same order as summing a list of
 * the records, so every number is bit for bit what the records give.
 */
public final class RunStatistics {

    private static final StopReason[] REASONS = StopReason.values();

    private final int spinupCycles;
    private int cycles;
    /** Cycles after spin-up: the count of every mean. */
    private int counted;
    private double rmseBackground;
    private double rmseAnalysis;
    private double rmseAnalysisStart;
    private double spreadBackground;
    private double spreadAnalysis;
    private double twoJoFirstGuess;
    private double twoJoAnalysis;
    private double iterations;
    private double evaluations;
    /** Cycles ended by each stop reason, by ordinal (every cycle, spin-up included). */
    private final int[] stopReasons = new int[REASONS.length];
    private int firstNonFinite = -1;

    /** @param spinupCycles leading cycles left out of the means */
    public RunStatistics(int spinupCycles) {
        if (spinupCycles < 0) {
            throw new IllegalArgumentException("spinupCycles = " + spinupCycles + ": must be at least 0");
        }
        this.spinupCycles = spinupCycles;
    }

    private RunStatistics(RunStatistics o) {
        spinupCycles = o.spinupCycles;
        cycles = o.cycles;
        counted = o.counted;
        rmseBackground = o.rmseBackground;
        rmseAnalysis = o.rmseAnalysis;
        rmseAnalysisStart = o.rmseAnalysisStart;
        spreadBackground = o.spreadBackground;
        spreadAnalysis = o.spreadAnalysis;
        twoJoFirstGuess = o.twoJoFirstGuess;
        twoJoAnalysis = o.twoJoAnalysis;
        iterations = o.iterations;
        evaluations = o.evaluations;
        System.arraycopy(o.stopReasons, 0, stopReasons, 0, stopReasons.length);
        firstNonFinite = o.firstNonFinite;
    }

    /** The statistics with {@code records} added in order. */
    public static RunStatistics of(int spinupCycles, Iterable<CycleRecord> records) {
        RunStatistics s = new RunStatistics(spinupCycles);
        for (CycleRecord r : records) {
            s.add(r);
        }
        return s;
    }

    /** Adds the next cycle's record; cycles must come in order. */
    public void add(CycleRecord r) {
        if (r.cycle() != cycles) {
            throw new IllegalArgumentException("cycle " + r.cycle() + " added after " + cycles + " cycles: records"
                    + " must come in cycle order");
        }
        if (firstNonFinite < 0 && !(Double.isFinite(r.rmseAnalysis()) && Double.isFinite(r.rmseBackground()))) {
            firstNonFinite = r.cycle();
        }
        StopReason reason = r.diagnostics().stopReason();
        if (reason != null) { // null: the method does not minimise
            stopReasons[reason.ordinal()]++;
        }
        if (cycles >= spinupCycles) {
            rmseBackground += r.rmseBackground();
            rmseAnalysis += r.rmseAnalysis();
            rmseAnalysisStart += r.rmseAnalysisStart();
            spreadBackground += r.spreadBackground();
            spreadAnalysis += r.spreadAnalysis();
            twoJoFirstGuess += 2 * r.diagnostics().firstGuess().joPerObservation();
            twoJoAnalysis += 2 * r.diagnostics().analysis().joPerObservation();
            iterations += r.iterations();
            evaluations += r.evaluations();
            counted++;
        }
        cycles++;
    }

    /** A copy that later {@link #add} calls on this one do not change. */
    public RunStatistics snapshot() {
        return new RunStatistics(this);
    }

    public int cycles() {
        return cycles;
    }

    /** The spin-up the means leave out: the configured one, or every cycle of a run no longer than it. */
    public int spinupCycles() {
        return Math.min(spinupCycles, cycles);
    }

    private double mean(double sum) {
        return counted == 0 ? Double.NaN : sum / counted;
    }

    public double meanRmseBackground() {
        return mean(rmseBackground);
    }

    public double meanRmseAnalysis() {
        return mean(rmseAnalysis);
    }

    public double meanRmseAnalysisStart() {
        return mean(rmseAnalysisStart);
    }

    public double meanSpreadBackground() {
        return mean(spreadBackground);
    }

    public double meanSpreadAnalysis() {
        return mean(spreadAnalysis);
    }

    public double meanTwoJoPerObservationFirstGuess() {
        return mean(twoJoFirstGuess);
    }

    public double meanTwoJoPerObservationAnalysis() {
        return mean(twoJoAnalysis);
    }

    public double meanIterations() {
        return mean(iterations);
    }

    public double meanEvaluations() {
        return mean(evaluations);
    }

    /** How often each stop reason ended a cycle's minimisation (every cycle), in enum order, the ones that occurred. */
    public Map<String, Integer> stopReasons() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (StopReason reason : REASONS) {
            if (stopReasons[reason.ordinal()] > 0) {
                out.put(reason.name(), stopReasons[reason.ordinal()]);
            }
        }
        return out;
    }

    /** Cycles that ran a minimisation (a method that does not minimise has none). */
    public long minimised() {
        long n = 0;
        for (int c : stopReasons) {
            n += c;
        }
        return n;
    }

    /** Cycles whose minimisation did not converge (neither gradient tolerance nor cost stagnation). */
    public long notConverged() {
        long n = 0;
        for (StopReason reason : REASONS) {
            if (!reason.converged()) {
                n += stopReasons[reason.ordinal()];
            }
        }
        return n;
    }

    /** The first cycle whose analysis or background RMSE is not finite, or the number of cycles if none. */
    public int firstNonFinite() {
        return firstNonFinite < 0 ? cycles : firstNonFinite;
    }
}
