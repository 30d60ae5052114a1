package org.vaevar.harness.reproduce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vaevar.assimilation.experiment.ExperimentResult;

/**
 * {@code plan.json}: what was run, exactly — the schedule, every setting's full experiment config, every method's
 * candidate priors, and what tuning chose with the whole tuning curve (the numbers behind "tuned on the tuning
 * seed").
 */
final class PlanJson {

    private PlanJson() {
    }

    static Map<String, Object> of(ReproductionResult result) {
        Plan plan = result.plan();
        Schedule s = plan.schedule();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mode", plan.mode().id());
        m.put("masterSeed", plan.masterSeed());
        m.put("masterSeedUsedInDevelopment", plan.developmentSeed());
        m.put("developmentSeeds", Plan.DEVELOPMENT_SEEDS);
        m.put("replications", result.replications().size());
        m.put("replicationSeeds", result.replications().stream().map(r -> (Object) r.masterSeed()).toList());
        m.put("replicationSeedRule", "Seeds.derive(masterSeed, \"replication/\" + r)");
        m.put("evaluationSeeds", plan.seeds());
        Map<String, Object> schedule = new LinkedHashMap<>();
        schedule.put("evaluationCycles", s.evaluationCycles());
        schedule.put("evaluationSpinup", s.evaluationSpinup());
        schedule.put("tuningCycles", s.tuningCycles());
        schedule.put("tuningSpinup", s.tuningSpinup());
        schedule.put("tuningGrid", s.tuningGrid());
        schedule.put("tuningSearch", s.tuningSearch().id());
        schedule.put("tuningBudget", s.tuningBudget());
        schedule.put("tuningSeeds", s.tuningSeeds());
        schedule.put("ensembleGrid", s.ensembleGrid());
        schedule.put("cyclesOfWindowK", "cycles / K (same model time)");
        if (s.sources().several()) {
            // Every sample-based candidate exists once per source; each prior chooses its source on the tuning seeds.
            schedule.put("sampleSources", s.sources().names());
            schedule.put("ensembleInflation", s.sources().ensembleInflation());
        }
        m.put("schedule", schedule);
        m.put("learnedPrior", plan.learned() == null ? plan.learnedAbsent() : plan.learned().prefix());
        m.put("ablations", plan.ablations());
        List<Object> replications = new ArrayList<>();
        for (ReproductionResult.Replication rep : result.replications()) {
            replications.add(replication(plan.replication(rep.index()), rep));
        }
        m.put("replicationRuns", replications);
        return m;
    }

    /** One replication: its seeds, every setting's config and calibration, every method's tuning. */
    private static Map<String, Object> replication(Plan plan, ReproductionResult.Replication result) {
        Schedule s = plan.schedule();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("replication", result.index());
        m.put("masterSeed", result.masterSeed());
        List<Object> runSeeds = new ArrayList<>();
        for (int i = 0; i < plan.seeds(); i++) {
            runSeeds.add(plan.runSeed(i));
        }
        m.put("evaluationRunSeeds", runSeeds);
        List<Object> settings = new ArrayList<>();
        for (Plan.PlannedSetting ps : plan.settings()) {
            Map<String, Object> st = new LinkedHashMap<>();
            st.put("id", ps.spec().id());
            st.put("settingSeed", plan.settingSeed(ps.spec()));
            st.put("config", ps.spec().config(s, plan.settingSeed(ps.spec())).toMap());
            if (s.sources().several()) {
                List<Object> perSource = new ArrayList<>();
                for (CalibrationSummary c : result.calibrations()) {
                    if (c.settingId().equals(ps.spec().id())) {
                        Map<String, Object> cm = calibration(c);
                        cm.put("calibrationConfig", plan.config(ps.spec(), c.source()).toMap().get("calibration"));
                        perSource.add(cm);
                    }
                }
                if (!perSource.isEmpty()) {
                    st.put("calibrations", perSource);
                }
            } else {
                result.calibration(ps.spec().id()).ifPresent(c -> st.put("calibration", calibration(c)));
            }
            List<Object> methods = new ArrayList<>();
            for (MethodSpec method : ps.allMethods()) {
                methods.add(method(result, ps.spec(), method, s.sources().several()));
            }
            st.put("methods", methods);
            settings.add(st);
        }
        m.put("settings", settings);
        return m;
    }

    /** One calibration's summary: its samples, how its runs tracked, and the climatology's RMSE. */
    private static Map<String, Object> calibration(CalibrationSummary c) {
        Map<String, Object> cm = new LinkedHashMap<>();
        cm.put("samples", c.samples());
        cm.put("looseRmseAnalysis", c.looseRmse());
        cm.put("scaleGrid", List.copyOf(c.scaleRmse().keySet()));
        cm.put("scaleRmseAnalysis", c.scaleRmse().values().stream()
                .map(v -> Double.isFinite(v) ? (Object) v : "diverged").toList());
        cm.put("samplesFrom", Double.isNaN(c.chosenScale()) ? "loose prior" : "sample B x " + c.chosenScale());
        cm.put("source", c.source());
        cm.put("sampleRunsRmseAnalysis", c.sampleRunRmse());
        if (!c.windowSampleRunRmse().isEmpty()) {
            cm.put("windowSampleRunsRmseAnalysis", c.windowSampleRunRmse());
        }
        if (!c.rounds().isEmpty()) {
            // Tuning RMSE before the self-consistent rounds, then after each, per prior and window.
            Map<String, Object> rounds = new LinkedHashMap<>();
            c.rounds().forEach((k, v) -> rounds.put(k, v.stream()
                    .map(x -> Double.isFinite(x) ? (Object) x : "diverged").toList()));
            cm.put("roundsTuningRmseAnalysis", rounds);
        }
        cm.put("climatologyRmse", c.climatologyRmse());
        if (!Double.isNaN(c.trainingSeconds())) {
            cm.put("learnedPriorTrainingSeconds", c.trainingSeconds());
        }
        return cm;
    }

    private static Map<String, Object> method(ReproductionResult.Replication result, SettingSpec setting,
                                              MethodSpec method, boolean several) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", method.name());
        m.put("family", method.family().name().toLowerCase(java.util.Locale.ROOT));
        if (method.isAblation()) {
            m.put("ablation", method.ablation());
        }
        m.put("window", method.window());
        m.put("tunedParameter", method.tunedParameter());
        List<Object> candidates = new ArrayList<>();
        for (MethodSpec.Candidate c : method.candidates()) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("label", c.label());
            cm.put(section(method), c.prior().toMap());
            if (several && c.source() != null) {
                cm.put("source", c.source()); // the sample source it learns from
            }
            candidates.add(cm);
        }
        m.put("candidates", candidates);
        result.outcome(setting.id(), method.name(), method.ablation()).ifPresent(o -> {
            if (o.choice() == null) {
                m.put("failure", o.failure());
                return;
            }
            Map<String, Object> chosen = new LinkedHashMap<>();
            chosen.put("candidate", o.choice().candidate());
            chosen.put(section(method), o.choice().prior().toMap());
            chosen.put("value", o.choice().value());
            chosen.put("tuningRmse", o.choice().tuningRmse());
            chosen.put("atGridEdge", o.choice().atGridEdge());
            m.put("chosen", chosen);
            List<Object> curves = new ArrayList<>();
            for (TuningChoice.CandidateCurve c : o.choice().tried()) {
                Map<String, Object> cm = new LinkedHashMap<>();
                cm.put("candidate", c.candidate());
                cm.put("values", c.points().stream().map(ExperimentResult.TuningPoint::value).toList());
                cm.put("rmseAnalysis", c.points().stream().map(p -> Double.isFinite(p.rmseAnalysis())
                        ? (Object) p.rmseAnalysis() : "diverged").toList());
                if (c.divergence() != null) {
                    cm.put("divergence", c.divergence());
                }
                curves.add(cm);
            }
            m.put("tuning", curves);
        });
        return m;
    }

    /** What a candidate configures: the prior of a variational method, the method section of an ensemble one. */
    private static String section(MethodSpec method) {
        return method.isEnsemble() ? "method" : "prior";
    }
}
