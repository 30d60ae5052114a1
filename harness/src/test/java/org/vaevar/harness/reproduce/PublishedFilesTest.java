package org.vaevar.harness.reproduce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --publish DIR}: the page and its data files are copied; nothing a publication did not write is replaced. */
class PublishedFilesTest {

    private static Path run(Path dir, String figure) throws IOException {
        Files.createDirectories(dir.resolve("figures"));
        for (String f : PublishedFiles.FILES) {
            Files.writeString(dir.resolve(f), f + " of " + dir.getFileName());
        }
        Files.writeString(dir.resolve("figures").resolve(figure), "png");
        return dir;
    }

    @Test
    void publishesThePageItsFiguresAndItsDataAndReplacesOnlyWhatItWrote(@TempDir Path tmp) throws IOException {
        Path docs = tmp.resolve("docs").resolve("results-quick");
        PublishedFiles.publish(run(tmp.resolve("first"), "old.png"), docs);
        for (String f : PublishedFiles.FILES) {
            assertThat(docs.resolve(f)).hasContent(f + " of first");
        }
        assertThat(docs.resolve("figures/old.png")).exists();
        assertThat(docs.resolve(PublishedFiles.MARKER)).content().contains("table.csv", "figures/old.png");

        // A second publication replaces its own files and removes the figure it no longer has.
        Files.writeString(docs.resolve("NOTES.md"), "mine");
        PublishedFiles.publish(run(tmp.resolve("second"), "new.png"), docs);
        assertThat(docs.resolve("table.csv")).hasContent("table.csv of second");
        assertThat(docs.resolve("figures/new.png")).exists();
        assertThat(docs.resolve("figures/old.png")).doesNotExist();
        assertThat(docs.resolve("NOTES.md")).hasContent("mine"); // not ours: left alone

        // A file of the same name that no publication wrote is refused, before anything is copied.
        Path foreign = tmp.resolve("foreign");
        Files.createDirectories(foreign);
        Files.writeString(foreign.resolve("plan.json"), "hand-written");
        assertThatThrownBy(() -> PublishedFiles.check(foreign)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--publish " + foreign).hasMessageContaining("plan.json")
                .hasMessageContaining("not written by an earlier publication");
        assertThatThrownBy(() -> PublishedFiles.publish(run(tmp.resolve("third"), "a.png"), foreign))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(foreign.resolve("plan.json")).hasContent("hand-written");
        assertThat(foreign.resolve("RESULTS.md")).doesNotExist();

        // A marker cannot make a path outside the directory replaceable, and a file is not a directory.
        Path file = tmp.resolve("file");
        Files.writeString(file, "x");
        assertThatThrownBy(() -> PublishedFiles.check(file)).hasMessageContaining("a file, not a directory");
    }
}
