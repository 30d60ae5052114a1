package org.vaevar.harness.cli;

import java.nio.file.Path;

/** Where the launcher lives ({@code -Dvaevar.home}); the trained-prior cache sits beside it. */
final class Home {

    private Home() {
    }

    static Path directory() {
        String home = System.getProperty("vaevar.home");
        return home == null ? Path.of("") : Path.of(home);
    }

    static Path cacheDirectory() {
        return directory().resolve(".vaevar-cache");
    }
}
