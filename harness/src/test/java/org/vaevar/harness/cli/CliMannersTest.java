package org.vaevar.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vaevar.harness.cli.CliOutputSafetyTest.vaevar;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaevar.harness.cli.CliOutputSafetyTest.Outcome;

class CliMannersTest {

    @Test
    void everySubCommandTakesHelpAndExitsZero() {
        for (String command : List.of("run", "train-prior", "train-vae", "reproduce", "plugins", "presets", "bench")) {
            for (String flag : List.of("-h", "--help")) {
                Outcome o = vaevar(command, flag);
                assertThat(o.exit()).as("%s %s: %s", command, flag, o.err()).isZero();
                assertThat(o.out()).as(command).contains("Usage:").contains("-h, --help");
            }
        }
    }

    @Test
    void thePluginsTableKeepsItsColumnsAlignedForLongNames() {
        Outcome o = vaevar("plugins");
        assertThat(o.exit()).isZero();
        // Every parameter row of every plugin puts its "default" at the same column (the "from JAR" line is not one).
        List<Integer> defaults = o.out().lines().filter(l -> l.startsWith("      ") && !l.startsWith("      from "))
                .map(l -> l.indexOf("  default ")).distinct().toList();
        assertThat(defaults).hasSize(1);
        assertThat(defaults.get(0)).isPositive();
        // Plugin rows: the description starts at the same column for every plugin.
        List<Integer> descriptions = o.out().lines().filter(l -> l.startsWith("  ") && !l.startsWith("      "))
                .map(l -> {
                    String rest = l.substring(2);
                    int name = rest.indexOf(' ');
                    int from = name;
                    while (from < rest.length() && rest.charAt(from) == ' ') {
                        from++;
                    }
                    return from;
                }).distinct().toList();
        assertThat(descriptions).hasSize(1);
    }
}
