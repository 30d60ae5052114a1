package org.vaevar.harness.plots;

import java.util.ArrayList;
import java.util.List;

/** Counts values a chart did not draw, for an honest note under its title ("not drawn: 2 non-finite values"). */
final class SkippedValues {

    int nonFinite;
    int nonPositive;

    /** The note, or null when nothing was skipped. */
    String note() {
        List<String> parts = new ArrayList<>();
        if (nonFinite > 0) {
            parts.add(nonFinite + " non-finite value" + (nonFinite == 1 ? "" : "s"));
        }
        if (nonPositive > 0) {
            parts.add(nonPositive + " value" + (nonPositive == 1 ? "" : "s") + " <= 0 on the log axis");
        }
        return parts.isEmpty() ? null : "not drawn: " + String.join(", ", parts);
    }
}
