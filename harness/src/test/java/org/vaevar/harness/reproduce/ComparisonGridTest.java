package org.vaevar.harness.reproduce;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.vaevar.api.plugin.PluginKind;
import org.vaevar.api.plugin.PluginRegistry;
import org.vaevar.assimilation.config.PluginConfig;
import org.vaevar.assimilation.config.TuningConfig;

/** The shipped comparison grid as {@link GridFile} reads it: its settings, methods, schedules and learned prior. */
class ComparisonGridTest {

    private static final ComparisonGrid GRID = StandIn.grid();


    @Test
    void theFullGridHasEverySettingOnce() {
        List<SettingSpec> full = GRID.settings(Mode.FULL);
        // Lorenz 63: 2 intervals × 2 densities × 2 operators; Lorenz 96: 2 × 3 × 2; plus 2 imperfect-model ones.
        assertThat(full).hasSize(8 + 12 + 2);
        assertThat(full.stream().map(SettingSpec::id).collect(Collectors.toSet())).hasSize(full.size());
        assertThat(full.stream().filter(s -> !s.perfectModel()).map(SettingSpec::modelVariant))
                .containsExactly("imperfect: truth ρ=28, forecast ρ=30", "imperfect: truth F=8, forecast F=7.5");
        SettingSpec arctan96 = full.stream().filter(s -> s.id().equals("l96-d15-e4-arctan")).findFirst().orElseThrow();
        assertThat(arctan96.noise()).isEqualTo(0.1);
        assertThat(arctan96.observed()).isEqualTo("10 of 40");
        SettingSpec l63 = full.stream().filter(s -> s.id().equals("l63-d8-x-linear")).findFirst().orElseThrow();
        assertThat(l63.noise() * l63.noise()).isCloseTo(2.0, org.assertj.core.api.Assertions.within(1e-15));
        assertThat(l63.operatorConfig()).isEqualTo(PluginConfig.of("linear", "components", List.of(0)));
    }

    @Test
    void theQuickGridCoversBothSystemsBothOperatorsAndTwoDensities() {
        List<SettingSpec> quick = GRID.settings(Mode.QUICK);
        assertThat(quick.stream().map(SettingSpec::system).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("lorenz63", "lorenz96");
        assertThat(quick.stream().map(SettingSpec::operator).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("linear", "arctan");
        assertThat(quick.stream().filter(s -> s.system().equals("lorenz96")).map(SettingSpec::obsEvery)
                .collect(Collectors.toSet())).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void withoutTheVaeTheMethodsAreTheGaussianOnesWithTheirBChoices() {
        PluginRegistry registry = PluginRegistry.discover(getClass().getClassLoader());
        Plan plan = Plan.standard(GRID, Mode.QUICK, Plan.DEFAULT_MASTER_SEED, 5, true, registry);
        boolean vae = registry.names(PluginKind.PRIOR).contains("vae");
        Plan.PlannedSetting l96 = plan.settings().stream().filter(p -> p.spec().system().equals("lorenz96"))
                .findFirst().orElseThrow();
        List<String> names = l96.methods().stream().map(MethodSpec::name).toList();
        if (vae) {
            assertThat(names).containsExactly("3dvar", "4dvar", "vae-3dvar", "vae-4dvar", "letkf");
            assertThat(plan.learnedAbsent()).isNull();
        } else {
            assertThat(names).containsExactly("3dvar", "4dvar", "letkf");
            assertThat(plan.learnedAbsent()).contains("vae");
            assertThat(l96.ablations()).isEmpty();
        }
        MethodSpec fourD = l96.methods().get(1);
        assertThat(fourD.window()).isEqualTo(3);
        assertThat(fourD.candidates()).extracting(MethodSpec.Candidate::label)
                .containsExactly("B samples, window samples", "B samples, ensemble samples",
                        "B circulant, window samples", "B circulant, ensemble samples", "B climatology");
        // 4D-Var covers the same model time: a third of the cycles.
        assertThat(plan.schedule().cycles(3) * 3).isBetween(plan.schedule().evaluationCycles() - 2,
                plan.schedule().evaluationCycles());
    }

    @Test
    void everyMethodTunesOverTheSameGrid() {
        LearnedPrior learned = StandIn.learnedPrior();
        SettingSpec s = GRID.settings(Mode.QUICK).get(0);
        Schedule schedule = GRID.schedule(Mode.QUICK);
        List<MethodSpec> methods = GRID.methods(s, learned);
        assertThat(methods).extracting(MethodSpec::name)
                .containsExactly("3dvar", "4dvar", "standin-3dvar", "standin-4dvar", "etkf");
        List<MethodSpec> variational = methods.stream().filter(m -> !m.isEnsemble()).toList();
        assertThat(variational).extracting(m -> schedule.tuning(m.tunedParameter(), m.window()))
                .allSatisfy(t -> {
                    assertThat(t.grid()).isEqualTo(schedule.tuningGrid());
                    assertThat(t.budget()).isEqualTo(schedule.tuningBudget());
                    assertThat(t.seeds()).isEqualTo(schedule.tuningSeeds());
                });
        assertThat(methods.get(2).reference()).isEqualTo("3dvar");
        assertThat(methods.get(3).reference()).isEqualTo("4dvar");
        // The ensemble's inflations: a grid of its own, searched point by point, as many values as the variational
        // budget, with 1 = no inflation.
        MethodSpec ensemble = methods.get(4);
        TuningConfig ensembleTuning = MethodRuns.tuning(schedule, ensemble, ensemble.candidates().get(0));
        assertThat(ensembleTuning.grid()).isEqualTo(schedule.ensembleGrid()).hasSize(schedule.tuningBudget())
                .startsWith(1.0).isSorted();
        assertThat(ensembleTuning.search()).isEqualTo(TuningConfig.Search.GRID);
        assertThat(ensembleTuning.budget()).isEqualTo(schedule.tuningBudget());
        for (Mode mode : Mode.values()) {
            Schedule m = GRID.schedule(mode);
            assertThat(m.ensembleGrid()).as(mode.id()).hasSize(m.tuningBudget());
            assertThat(m.tuningSearch()).as(mode.id()).isEqualTo(TuningConfig.Search.ADAPTIVE);
        }
        assertThat(GRID.schedule(Mode.FULL).tuningSeeds()).isEqualTo(2);
    }

    @Test
    void everySettingHasItsEnsembleReference() {
        for (SettingSpec s : GRID.settings(Mode.FULL)) {
            List<MethodSpec> methods = GRID.methods(s, null);
            MethodSpec e = methods.get(methods.size() - 1);
            assertThat(e.isEnsemble()).as(s.id()).isTrue();
            assertThat(e.reference()).as(s.id()).isNull();
            assertThat(e.window()).isEqualTo(1);
            assertThat(e.tunedParameter()).isEqualTo("inflation");
            assertThat(methods.stream().filter(MethodSpec::isEnsemble)).as(s.id()).hasSize(1);
            PluginConfig section = e.candidates().get(0).prior();
            if (s.system().equals("lorenz63")) {
                assertThat(section).isEqualTo(PluginConfig.of("etkf", "size", 10, "rotation", true));
                assertThat(e.candidates().get(0).label()).isEqualTo("N 10, rotation");
            } else {
                assertThat(section).isEqualTo(PluginConfig.of("letkf", "size", 20, "radius", 4.0, "rotation", true,
                        "threads", 1));
                assertThat(e.candidates().get(0).label()).isEqualTo("N 20, radius 4, rotation");
            }
        }
    }

    @Test
    void anEnsembleMethodHasNoGaussianReferenceAndOneObservationTimePerCycle() {
        MethodSpec.Candidate c = new MethodSpec.Candidate("N 10", PluginConfig.of("etkf", "size", 10));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new MethodSpec("etkf", MethodSpec.Family.ENSEMBLE,
                1, List.of(c), "inflation", "3dvar", null, null)).hasMessageContaining("ensemble method has none");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new MethodSpec("etkf", MethodSpec.Family.ENSEMBLE,
                3, List.of(c), "inflation", null, null, null)).hasMessageContaining("window = 3");
        assertThat(new MethodSpec("etkf", MethodSpec.Family.ENSEMBLE, 1, List.of(c), "inflation", null, null, null)
                .displayName()).isEqualTo("etkf (reference)");
    }

    @Test
    void theVaeAblationsAreConfigVariants() {
        org.vaevar.api.plugin.ParameterSpec spec = org.vaevar.api.plugin.ParameterSpec.of("vae");
        LearnedPrior vae = GRID.learned().forMode(Mode.SMOKE, spec);
        SettingSpec l96 = GRID.settings(Mode.QUICK).get(2);
        PluginConfig full = vae.config().apply(l96);
        assertThat(full.name()).isEqualTo("vae");
        assertThat(full.parameters()).containsEntry("architecture", "conv").containsEntry("latentPenalty", true)
                .containsEntry("jacobianTerm", false).doesNotContainKey("epochs"); // not declared: not set
        assertThat(vae.config().apply(GRID.settings(Mode.QUICK).get(0)).parameters())
                .containsEntry("architecture", "mlp");
        List<MethodSpec> ablations = ComparisonGrid.ablations(l96, vae);
        assertThat(ablations).extracting(MethodSpec::ablation)
                .containsExactly("latentPenalty=false", "jacobianTerm=true", "conditional=false");
        Map<String, Object> noPenalty = ablations.get(0).candidates().get(0).prior().parameters();
        assertThat(noPenalty).containsEntry("latentPenalty", false).containsEntry("architecture", "conv");
        assertThat(ablations).allSatisfy(m -> assertThat(m.window()).isEqualTo(1));
        assertThat(GRID.ablationSettings(Mode.FULL))
                .isEqualTo(Set.copyOf(GRID.settings(Mode.QUICK).stream().map(SettingSpec::id).toList()));
    }

    @Test
    void aModesTrainingOverridesApplyWhereTheVaeDeclaresThem() {
        org.vaevar.api.plugin.ParameterSpec spec = org.vaevar.api.plugin.ParameterSpec.of("vae",
                org.vaevar.api.plugin.Parameter.integer("epochs", 300, "training epochs"));
        PluginConfig smoke = GRID.learned().forMode(Mode.SMOKE, spec).config().apply(GRID.settings(Mode.SMOKE).get(0));
        PluginConfig full = GRID.learned().forMode(Mode.FULL, spec).config().apply(GRID.settings(Mode.SMOKE).get(0));
        assertThat(smoke.parameters()).containsEntry("epochs", 3);
        assertThat(full.parameters()).doesNotContainKey("epochs");
        // the quick grid caps only the (slow) convolutional VAE's epochs; the MLP keeps its declared default
        LearnedPrior quick = GRID.learned().forMode(Mode.QUICK, spec);
        assertThat(quick.config().apply(GRID.settings(Mode.SMOKE).get(0)).parameters())
                .doesNotContainKey("epochs");
        assertThat(quick.config().apply(GRID.settings(Mode.QUICK).get(2)).parameters())
                .containsEntry("epochs", 150);
    }
}
