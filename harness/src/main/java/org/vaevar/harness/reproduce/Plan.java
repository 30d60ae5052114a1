package org.vaevar.harness.reproduce;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.vaevar.api.plugin.PluginRegistry;
import org.vaevar.api.util.Seeds;
import org.vaevar.assimilation.config.ExperimentConfig;
import org.vaevar.assimilation.config.PluginConfig;

/**
 * Everything a reproduction will run, decided before anything runs: the settings with their methods (and
 * ablation variants), the schedule, the seeds. One master seed fixes every random stream of the grid: setting s
 * uses {@code Seeds.derive(master, "setting/" + id)} for its calibration, tuning and priors, and evaluation seed
 * i is {@code Seeds.derive(master, "evaluation/" + i)} for every setting and method, so all methods of a setting
 * are evaluated on identical truths and observations.
 *
 * @param mode          which grid
 * @param schedule      cycles, tuning grid and calibration
 * @param masterSeed    the one seed of the whole grid
 * @param seeds         number of held-out evaluation seeds per method
 * @param settings      the settings with their methods, in table order
 * @param learned       the learned prior compared with the Gaussian, or {@code null}
 * @param learnedAbsent why there is no learned prior (for the report), or {@code null}
 * @param ablations     whether the ablation variants are part of the plan
 * @param replications  how many times the whole pipeline runs, each replication r with its own master seed
 *                      {@link #replicationSeed(int)}; 0 marks a plan that is itself one replication (it runs
 *                      {@code masterSeed} directly)
 * @param grid          the comparison grid the plan was made from (its figure setting, its Gaussian candidates'
 *                      grid scale for the page)
 */
public record Plan(Mode mode, Schedule schedule, long masterSeed, int seeds, List<PlannedSetting> settings,
                   LearnedPrior learned, String learnedAbsent, boolean ablations, int replications,
                   ComparisonGrid grid) {

    /**
     * The master seed when none is given: a fresh one, never used while the grid and its methods were developed
     * (they were developed with {@link #DEVELOPMENT_SEEDS}), so the published numbers are a held-out measurement.
     */
    public static final long DEFAULT_MASTER_SEED = 20261202;
    /** The master seeds used while the grid and its methods were developed and tuned by hand. */
    public static final List<Long> DEVELOPMENT_SEEDS = List.of(2024L, 7L, 11L);
    public static final int DEFAULT_SEEDS = 5;
    /** Replications of the whole pipeline when none is given: the fewest that give an interval with R − 1 = 2. */
    public static final int DEFAULT_REPLICATIONS = 3;

    /** One setting with its methods (table rows) and ablation variants (ablation rows). */
    public record PlannedSetting(SettingSpec spec, List<MethodSpec> methods, List<MethodSpec> ablations) {
        public PlannedSetting {
            methods = List.copyOf(methods);
            ablations = List.copyOf(ablations);
        }

        /** Main methods first, then ablations. */
        public List<MethodSpec> allMethods() {
            List<MethodSpec> all = new ArrayList<>(methods);
            all.addAll(ablations);
            return all;
        }
    }

    public Plan {
        settings = List.copyOf(settings);
        if (replications < 0) {
            throw new IllegalArgumentException("replications = " + replications + ": must be at least 1");
        }
        if (seeds < 2) {
            throw new IllegalArgumentException("seeds = " + seeds + ": at least 2 evaluation seeds are needed for an "
                    + "interval");
        }
        if (settings.isEmpty()) {
            throw new IllegalArgumentException("settings = []: nothing to run");
        }
    }

    /**
     * The plan of a mode of a comparison grid: its settings, methods and schedule; the learned prior's methods when
     * its plugin is in {@code registry}.
     *
     * @param ablations run the learned prior's ablations on the mode's ablation settings (ignored without one)
     */
    public static Plan standard(ComparisonGrid grid, Mode mode, long masterSeed, int seeds, boolean ablations,
                                PluginRegistry registry) {
        LearnedPrior learned = grid.learnedPrior(mode, registry);
        String absent = learned == null ? grid.learnedAbsent(registry) : null;
        return of(grid, mode, grid.schedule(mode), grid.settings(mode), masterSeed, seeds, learned, absent,
                ablations, grid.ablationSettings(mode));
    }

    /** A plan over given settings of a grid, with a given (or no) learned prior. */
    public static Plan of(ComparisonGrid grid, Mode mode, Schedule schedule, List<SettingSpec> settings,
                          long masterSeed, int seeds, LearnedPrior learned, String learnedAbsent, boolean ablations,
                          Set<String> ablationSettings) {
        List<PlannedSetting> planned = new ArrayList<>();
        for (SettingSpec s : settings) {
            List<MethodSpec> abl = ablations && ablationSettings.contains(s.id())
                    ? ComparisonGrid.ablations(s, learned, schedule.sources()) : List.of();
            planned.add(new PlannedSetting(s, grid.methods(s, learned, schedule.sources()), abl));
        }
        return new Plan(mode, schedule, masterSeed, seeds, planned, learned, learnedAbsent,
                ablations && learned != null, 1, grid);
    }

    /** This plan run {@code r} times, each replication with its own master seed. */
    public Plan withReplications(int r) {
        if (r < 1) {
            throw new IllegalArgumentException("replications = " + r + ": must be at least 1");
        }
        return new Plan(mode, schedule, masterSeed, seeds, settings, learned, learnedAbsent, ablations, r, grid);
    }

    /** The master seed of replication r: {@code Seeds.derive(master, "replication/" + r)}. */
    public long replicationSeed(int r) {
        if (replications == 0) {
            return masterSeed;
        }
        return Seeds.derive(masterSeed, "replication/" + r);
    }

    /** Every replication's master seed, in order. */
    public List<Long> replicationSeeds() {
        List<Long> out = new ArrayList<>();
        for (int r = 0; r < Math.max(1, replications); r++) {
            out.add(replicationSeed(r));
        }
        return List.copyOf(out);
    }

    /**
     * Replication r as a plan of its own: everything of this plan with the replication's master seed, so its
     * calibration, training, tuning and evaluation seeds are all its own.
     */
    public Plan replication(int r) {
        if (replications == 0) {
            return this;
        }
        if (r < 0 || r >= replications) {
            throw new IllegalArgumentException("replication " + r + ": the plan has " + replications);
        }
        return new Plan(mode, schedule, replicationSeed(r), seeds, settings, learned, learnedAbsent, ablations, 0,
                grid);
    }

    /** Whether the master seed was used during development (the page says the numbers are not held out). */
    public boolean developmentSeed() {
        return DEVELOPMENT_SEEDS.contains(masterSeed);
    }

    /** The master seed of a setting's calibration, tuning and priors. */
    public long settingSeed(SettingSpec s) {
        return Seeds.derive(masterSeed, "setting/" + s.id());
    }

    /**
     * The config of setting {@code s} with the samples of {@code source}: the same seed, models, observations and
     * schedule for every source (so every source's evaluation runs see the same truths and observations), only the
     * calibration differs; {@code ensemble} samples the setting's ensemble reference method.
     */
    public ExperimentConfig config(SettingSpec s, String source) {
        PluginConfig ensemble = grid.ensemble().systems().get(s.system()).method();
        return s.config(schedule, settingSeed(s), schedule.calibration(source, ensemble));
    }

    /** Evaluation seed i (0-based), shared by every setting and method. */
    public long runSeed(int i) {
        return Seeds.derive(masterSeed, "evaluation/" + i);
    }

    /** The setting of the error-shape and trajectory figures: the grid's figure setting, else the first. */
    public SettingSpec figureSetting() {
        return settings.stream().map(PlannedSetting::spec).filter(s -> s.id().equals(grid.figureSetting()))
                .findFirst().orElse(settings.get(0).spec());
    }
}
