package org.vaevar.harness.sweep;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vaevar.harness.plots.IntervalBarsFigure;
import org.vaevar.harness.plots.IntervalBarsFigure.Bar;
import org.vaevar.harness.plots.IntervalBarsFigure.Group;
import org.vaevar.harness.reproduce.Figures.Figure;
import org.vaevar.harness.reproduce.ResultRow;

/**
 * The sweep's figures: for every numeric axis, {@code rmse-vs-<axis>.png}, the mean analysis RMSE with its 95 %
 * interval at each value of the axis, one bar per method (and per combination of the other axes' values).
 */
public final class SweepFigures {

    private SweepFigures() {
    }

    public static List<Figure> write(SweepPlan plan, List<SweepOutcomes.Row> rows, Path dir) throws IOException {
        List<Figure> figures = new ArrayList<>();
        for (SweepAxis axis : plan.file().axes()) {
            if (!axis.numeric()) {
                continue;
            }
            Map<String, List<Bar>> groups = new LinkedHashMap<>();
            for (Object v : axis.values()) {
                groups.put(axis.shortName() + " = " + Values.text(v), new ArrayList<>());
            }
            for (SweepOutcomes.Row sr : rows) {
                ResultRow r = sr.row();
                StringBuilder series = new StringBuilder(r.method().name());
                sr.point().values().forEach((k, v) -> {
                    if (!k.equals(axis.path())) {
                        series.append(", ").append(k.substring(k.lastIndexOf('.') + 1)).append('=')
                                .append(Values.text(v));
                    }
                });
                double mean = r.complete() ? r.analysis().mean() : Double.NaN;
                double half = r.complete() ? r.analysis().halfWidth95() : Double.NaN;
                groups.get(axis.shortName() + " = " + Values.text(sr.point().values().get(axis.path())))
                        .add(Bar.symmetric(series.toString(), mean, half));
            }
            List<Group> g = new ArrayList<>();
            groups.forEach((name, bars) -> g.add(new Group(name, bars)));
            String file = "rmse-vs-" + axis.path().replaceAll("[^A-Za-z0-9._-]", "_") + ".png";
            IntervalBarsFigure.write(dir.resolve(file), plan.file().name() + ": analysis RMSE against "
                    + axis.path(), "analysis RMSE", "bars: mean over " + plan.file().seeds()
                    + " seeds; whiskers: 95 % t-interval; a missing bar diverged or failed (see the table)", g);
            figures.add(new Figure(file, "Mean analysis RMSE over the evaluation seeds with 95 % intervals against "
                    + axis.path() + ", per method. A missing bar is a method that diverged or failed."));
        }
        return List.copyOf(figures);
    }
}
