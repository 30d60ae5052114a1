package org.vaevar.harness.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.vaevar.assimilation.config.ConfigException;

/** Finds an engine by name: {@code local} is built in; others come from their own jars via ServiceLoader. */
public final class SweepEngines {

    public static final String LOCAL = "local";

    private SweepEngines() {
    }

    public static SweepEngine create(String name, EngineOptions options) {
        if (name.equals(LOCAL)) {
            return new LocalEngine(options);
        }
        List<String> known = new ArrayList<>(List.of(LOCAL));
        for (SweepEngineProvider p : ServiceLoader.load(SweepEngineProvider.class,
                SweepEngines.class.getClassLoader())) {
            if (p.name().equals(name)) {
                return p.create(options);
            }
            known.add(p.name());
        }
        throw new ConfigException("--engine " + name + ": not found; engines on the classpath: "
                + String.join(", ", known) + (name.equals("spark") ? " (./vaevar adds the spark module's jars"
                + " for --engine spark; build it with mvn -B package)" : ""));
    }
}
