package org.lstmlab.grade.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's command for grading a batch in the course image, for the paths students and instructors have. */
class ContainerBatchTest {

    @Test
    void pathsHoldingColonsOrCommasAreMountedThroughLinksToThemAndNothingElseMoves(@TempDir Path tmp)
            throws IOException {
        Path alice = Files.createDirectories(tmp.resolve("class/alice: week 3, late"));
        Path bob = Files.createDirectories(tmp.resolve("class/bob"));
        Path out = tmp.resolve("grades:2026,autumn");
        Path links = tmp.resolve("links");
        ContainerBatch batch = new ContainerBatch(Path.of("/usr/bin/podman"), "lstm-lab:test", List.of());

        List<String> cmd = batch.command("n", List.of(alice, bob), out, null, null, List.of(), links);

        List<String> volumes = new ArrayList<>();
        for (int k = 0; k < cmd.size() - 1; k++) {
            if (cmd.get(k).equals("--volume")) {
                volumes.add(cmd.get(k + 1));
            }
        }
        List<Path> mounted = new ArrayList<>();
        for (String v : volumes) {
            String[] parts = v.split(":");
            assertEquals(3, parts.length, "from:to:options, with no other ':' in " + v);
            assertTrue(!parts[0].contains(",") && !parts[1].contains(","), "no ',' in " + v);
            mounted.add(Path.of(parts[0]).toRealPath());
        }
        assertTrue(mounted.contains(alice.toRealPath()), "alice's folder is mounted through a link: " + volumes);
        assertTrue(mounted.contains(out.toRealPath()), "the output folder is mounted through a link: " + volumes);
        assertTrue(volumes.contains(bob.toAbsolutePath() + ":/root/submissions/1/bob:ro"), "bob's path as it is");
        assertTrue(volumes.stream().anyMatch(v -> v.endsWith(":/root/out:rw")), volumes.toString());
        assertTrue(Files.isSymbolicLink(links.resolve("0-alice__week_3__late")), "the link has a plain name");
    }

    @Test
    void whereNoPlainLinkCanBeMadeTheRefusalNamesThePathAndWhatToDo(@TempDir Path tmp) throws IOException {
        Path odd = Files.createDirectories(tmp.resolve("a:b"));
        IOException e = assertThrows(IOException.class, () -> ContainerBatch.mountable(odd, tmp.resolve("links:too")));
        assertTrue(
                e.getMessage().contains(odd.toString())
                        && e.getMessage().contains("move or copy it to a path without ':' and ','"),
                e.getMessage());
    }
}
