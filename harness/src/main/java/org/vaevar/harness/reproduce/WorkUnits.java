package org.vaevar.harness.reproduce;

/**
 * The progress units of the grid's work items: cycles times window (model time between observations), a rough
 * measure of an item's work, so the progress bar and its ETA move with the work rather than the item count.
 */
final class WorkUnits {

    private WorkUnits() {
    }

    /** A setting's calibrations, one per sample source. */
    static long calibrationUnits(Plan plan) {
        var c = plan.schedule().calibration();
        return (long) (1 + c.scaleGrid().size() + c.runs()) * c.cycles() * plan.schedule().sources().names().size();
    }

    static long tuningUnits(Plan plan, MethodSpec m) {
        Schedule s = plan.schedule();
        return (long) m.candidates().size() * s.tuningBudget() * s.tuningSeeds() * (s.tuningCycles() / m.window())
                * m.window();
    }

    static long evaluationUnits(Plan plan, MethodSpec m) {
        return (long) plan.schedule().cycles(m.window()) * m.window();
    }

    static long totalUnits(Plan plan) {
        long total = 0;
        for (Plan.PlannedSetting ps : plan.settings()) {
            total += calibrationUnits(plan);
            for (MethodSpec m : ps.allMethods()) {
                total += tuningUnits(plan, m) + plan.seeds() * evaluationUnits(plan, m);
            }
        }
        return total;
    }
}
