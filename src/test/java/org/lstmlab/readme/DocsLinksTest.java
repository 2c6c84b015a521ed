package org.lstmlab.readme;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README stays what a newcomer needs — at most about 15 KB — and every relative link of it and of the
 * documentation pages reaches a file that exists, so moving a page cannot leave a reader at a dead end.
 */
class DocsLinksTest {
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+)(#[^)]*)?\\)");

    @Test
    void theReadmeFitsOnAFewScreens() throws IOException {
        long bytes = Files.size(Path.of("README.md"));
        assertTrue(bytes <= 15 * 1024, "README.md is " + bytes + " bytes; at most 15 KB (move details to docs/)");
    }

    @Test
    void everyRelativeLinkOfTheReadmeAndTheDocsReachesAFile() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        assertTrue(pages.contains(Path.of("docs/index.md")), "docs/ has an index page");
        List<String> dead = new ArrayList<>();
        int links = 0;
        for (Path page : pages) {
            Matcher m = LINK.matcher(Files.readString(page));
            while (m.find()) {
                String target = m.group(1);
                if (target.contains("://") || target.startsWith("mailto:")) {
                    continue;
                }
                links++;
                Path resolved =
                        page.toAbsolutePath().getParent().resolve(target).normalize();
                if (!Files.exists(resolved)) {
                    dead.add(page + " → " + target);
                }
            }
        }
        assertTrue(links >= 15, "the README and docs/index.md link the pages: " + links + " links found");
        assertTrue(dead.isEmpty(), "links to nothing: " + dead);
    }
}
