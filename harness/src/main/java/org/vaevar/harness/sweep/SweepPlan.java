package org.vaevar.harness.sweep;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vaevar.api.util.ProgressListener;
import org.vaevar.api.util.Seeds;
import org.vaevar.assimilation.Vaevar;
import org.vaevar.assimilation.config.ConfigException;
import org.vaevar.assimilation.config.ConfigReader;
import org.vaevar.assimilation.config.ExperimentConfig;
import org.vaevar.assimilation.config.Presets;
import org.vaevar.assimilation.config.RunOptions;
import org.vaevar.assimilation.experiment.TwinSetting;

/**
 * A sweep expanded: its grid points, the config of every point and method, and the seeds. One master seed fixes
 * everything: point p uses {@code Seeds.derive(master, "setting/" + p.id())} as its config seed (calibration,
 * tuning, priors), and evaluation seed i is {@code Seeds.derive(master, "evaluation/" + i)} for every point and
 * method, so all methods of a point see identical truths and observations.
 */
public final class SweepPlan {

    private final SweepFile file;
    private final Map<String, Object> baseTree;
    private final List<SweepPoint> points;

    private SweepPlan(SweepFile file, Map<String, Object> baseTree, List<SweepPoint> points) {
        this.file = file;
        this.baseTree = baseTree;
        this.points = List.copyOf(points);
    }

    /** Loads the base config and expands the grid (nothing is validated beyond the sweep file's structure). */
    public static SweepPlan of(SweepFile file) {
        Map<String, Object> base = Presets.tree(file.base());
        for (Map.Entry<String, Object> e : file.set().entrySet()) {
            ConfigReader.override(base, e.getKey(), Values.json(e.getValue()));
        }
        return new SweepPlan(file, base, expand(file));
    }

    private static List<SweepPoint> expand(SweepFile file) {
        List<SweepAxis> axes = file.axes();
        List<SweepPoint> points = new ArrayList<>();
        if (axes.isEmpty()) {
            points.add(new SweepPoint(0, Map.of()));
            return points;
        }
        if (file.zip()) {
            for (int i = 0; i < axes.get(0).values().size(); i++) {
                Map<String, Object> v = new LinkedHashMap<>();
                for (SweepAxis a : axes) {
                    v.put(a.path(), a.values().get(i));
                }
                points.add(new SweepPoint(i, v));
            }
            return points;
        }
        int total = 1;
        for (SweepAxis a : axes) {
            total = Math.multiplyExact(total, a.values().size());
        }
        for (int k = 0; k < total; k++) {
            Map<String, Object> v = new LinkedHashMap<>();
            int rest = k;
            int stride = total;
            for (SweepAxis a : axes) { // the first axis varies slowest
                stride /= a.values().size();
                v.put(a.path(), a.values().get(rest / stride));
                rest %= stride;
            }
            points.add(new SweepPoint(k, v));
        }
        return points;
    }

    public SweepFile file() {
        return file;
    }

    public List<SweepPoint> points() {
        return points;
    }

    public List<SweepMethod> methods() {
        return file.methods();
    }

    public SweepMethod method(String name) {
        return file.methods().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
    }

    /** The config seed of a point. */
    public long settingSeed(SweepPoint p) {
        return Seeds.derive(file.masterSeed(), "setting/" + p.id());
    }

    /** Evaluation seed i (0-based), shared by every point and method. */
    public long runSeed(int i) {
        return Seeds.derive(file.masterSeed(), "evaluation/" + i);
    }

    /**
     * The config of a method at a point: the base, the axis values, the method's overrides, the point's seed.
     *
     * @throws ConfigException naming the point, the method and the config path
     */
    public ExperimentConfig config(SweepPoint p, SweepMethod m) {
        String where = "sweep point " + p.id() + ", method " + m.name() + ": ";
        Map<String, Object> tree = Values.parseObject(Values.json(baseTree));
        try {
            for (Map.Entry<String, Object> e : p.values().entrySet()) {
                ConfigReader.override(tree, e.getKey(), Values.json(e.getValue()));
            }
            for (Map.Entry<String, Object> e : m.overrides().entrySet()) {
                ConfigReader.override(tree, e.getKey(), Values.json(e.getValue()));
            }
            tree.put("seed", settingSeed(p));
            if (!(tree.get("name") instanceof String)) {
                tree.put("name", file.name());
            }
            return ConfigReader.read(tree);
        } catch (ConfigException e) {
            throw new ConfigException(where + e.getMessage().replace("--set ", ""));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(where + e.getMessage());
        }
    }

    /**
     * Checks every config of the sweep without running anything: each is read (unknown paths and bad values are
     * refused by their path), its setting is built (model, observations, minimizer, calibration prior) and its
     * prior and method sections are validated by their plugins, and the tuned parameter is resolved.
     */
    public void validate(RunOptions options) {
        Map<String, TwinSetting> twins = new HashMap<>();
        for (SweepPoint p : points) {
            for (SweepMethod m : file.methods()) {
                ExperimentConfig c = config(p, m);
                String where = "sweep point " + p.id() + ", method " + m.name() + ": ";
                try {
                    TwinSetting twin = twins.computeIfAbsent(TwinKey.of(c),
                            k -> Vaevar.setting(TwinKey.neutral(c), options));
                    twin.validatePrior("prior", c.prior());
                    twin.validateMethod("method", c.methodOrDefault());
                    if (Tasks.tunes(c)) {
                        twin.tuningTarget(c.tuning(), c.methodOrDefault(), c.prior());
                    }
                } catch (RuntimeException e) {
                    Throwable cause = org.vaevar.harness.io.ExitStatus.unwrap(e);
                    if (cause instanceof IllegalArgumentException || cause instanceof IllegalStateException) {
                        throw new ConfigException(where + cause.getMessage());
                    }
                    throw e;
                }
            }
        }
    }

    /** Options for validation: no cache, no progress. */
    public static RunOptions quietOptions(java.nio.file.Path cache) {
        return new RunOptions(cache, ProgressListener.SILENT);
    }
}
