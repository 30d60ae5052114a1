package org.vaevar.harness.reproduce;

/**
 * What a method's tuning gave: its choice, or why there is none.
 *
 * @param choice  the tuned candidate and value, or null
 * @param failure why there is no choice (the calibration or every tuning run diverged), or null
 * @param refused the method does not apply to the setting (an ablation a plugin refuses)
 */
record TuningOutcome(TuningChoice choice, String failure, boolean refused) {
}
