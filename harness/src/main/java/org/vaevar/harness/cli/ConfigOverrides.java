package org.vaevar.harness.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** The options that change a config before it is read: {@code --seed} and repeatable {@code --set}. */
final class ConfigOverrides {

    @CommandLine.Option(names = "--seed", description = "Master seed (overrides the config's).")
    Long seed;

    @CommandLine.Option(names = "--set", paramLabel = "PATH=VALUE",
            description = "Override any config field by its dotted path, e.g. --set observations.noise=0.5 "
                    + "--set prior.inflation=1.2 --set truthModel.forcing=7.5. Repeatable.")
    List<String> sets = new ArrayList<>();

    /** The overrides in the order they apply: {@code --seed}, then {@code extra} (other flags), then every --set. */
    List<String> overrides(List<String> extra) {
        List<String> all = new ArrayList<>();
        if (seed != null) {
            all.add("seed=" + seed);
        }
        all.addAll(extra);
        all.addAll(sets);
        return all;
    }
}
