package org.lstmlab.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The course's website built in quick mode ({@code ./lab site --quick --from target/notebooks}: the course as
 * CourseNotebooksRunIT executed it where that is current, the rest run here) and opened from the file system in headless
 * Chromium: the table of contents leads to a notebook, Next to the following one, the language switch to the same
 * page in the other edition and back; the equations are typeset by the site's own MathJax; every image has a text
 * alternative; axe-core (the npm package ./lab test fetches, {@code LAB_AXE}) finds no serious or critical
 * violation; and no solution line or hidden test's name is anywhere in the site. Screenshots in target/browser/site.
 */
class SiteIT {
    private static final Path SITE = Path.of("target/site");
    private static final Path SHOTS = Path.of("target/browser/site");
    private static final Pattern REMOTE = Pattern.compile("<(script|img|link)[^>]*(src|href)=\"https?:");
    private static String buildOutput;

    @BeforeAll
    static void buildTheSiteInQuickMode() throws Exception {
        long start = System.nanoTime();
        ProcessBuilder builder =
                new ProcessBuilder("./lab", "site", "--quick", "--from", "target/notebooks").redirectErrorStream(true);
        builder.environment().remove("LSTMLAB_LANG");
        builder.environment().remove("LSTMLAB_CHECK_SEED"); // run-notebooks' own fixed seed
        Process process = builder.start();
        buildOutput = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(40, TimeUnit.MINUTES), "./lab site --quick timed out");
        System.out.printf(
                "./lab site --quick --from target/notebooks: %.0f s%n%s%n",
                (System.nanoTime() - start) / 1e9, buildOutput);
        assertEquals(0, process.exitValue(), "./lab site --quick failed:\n" + buildOutput);
    }

    private static List<String> notebooks() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("notebooks"))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".ipynb"))
                    .map(n -> n.substring(0, n.length() - ".ipynb".length()))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void everyNotebookAndExerciseHasAPageInBothLanguagesAndTheChecksShowTheSitesSeed() throws Exception {
        for (String name : notebooks()) {
            assertTrue(Files.isRegularFile(SITE.resolve(name + ".html")), name);
            assertTrue(Files.isRegularFile(SITE.resolve("vi").resolve(name + ".html")), "vi/" + name);
        }
        for (int k = 1; k <= 9; k++) {
            assertTrue(Files.isRegularFile(SITE.resolve("exercises/E" + k + ".html")), "E" + k);
            assertTrue(Files.isRegularFile(SITE.resolve("vi/exercises/E" + k + ".html")), "vi E" + k);
        }
        assertTrue(Files.readString(SITE.resolve("02-forget-gate.html")).contains("randomised cases used seed 29"));
        assertTrue(Files.readString(SITE.resolve("vi/02-forget-gate.html"))
                .contains("các trường hợp ngẫu nhiên dùng seed 29"));
        try (Stream<Path> files = Files.walk(SITE)) {
            for (Path page : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                String html = Files.readString(page);
                assertFalse(REMOTE.matcher(html).find(), page + " loads from the network");
            }
        }
    }

    @Test
    void aReaderMovesBetweenPagesAndLanguagesWithTypesetMathDescribedImagesAndNoSeriousAxeViolation(@TempDir Path run)
            throws Exception {
        String axeFile = System.getenv("LAB_AXE");
        assertTrue(
                axeFile != null && Files.isRegularFile(Path.of(axeFile)),
                "LAB_AXE must name axe-core's axe.min.js (./lab test fetches it from the npm registry) but is "
                        + axeFile);
        String axe = Files.readString(Path.of(axeFile));
        try (Chromium browser = Chromium.start(run, SHOTS)) {
            open(browser, SITE.resolve("index.html").toAbsolutePath().toUri().toString());
            assertEquals("en", browser.js("return document.documentElement.lang"));
            checkPage(browser, axe, "index-en", false);

            browser.find(By.cssSelector("main a[href='02-forget-gate.html']")).click();
            awaitPage(browser, "/02-forget-gate.html");
            checkPage(browser, axe, "02-en", true);

            browser.find(By.cssSelector("a[rel='next']")).click();
            awaitPage(browser, "/03-input-gate-and-candidate.html");
            assertTrue(browser.driver.getTitle().startsWith("03"), browser.driver.getTitle());

            browser.find(By.cssSelector("a.lang-switch")).click();
            awaitPage(browser, "/vi/03-input-gate-and-candidate.html");
            assertEquals("vi", browser.js("return document.documentElement.lang"));
            checkPage(browser, axe, "03-vi", true);

            browser.find(By.cssSelector("a.lang-switch")).click();
            awaitPage(browser, "/site/03-input-gate-and-candidate.html");
            assertEquals("en", browser.js("return document.documentElement.lang"));

            browser.find(By.cssSelector("a[rel='prev']")).click();
            awaitPage(browser, "/02-forget-gate.html");
            browser.find(By.cssSelector("a.lang-switch")).click();
            awaitPage(browser, "/vi/02-forget-gate.html");
            checkPage(browser, axe, "02-vi", true);

            open(
                    browser,
                    SITE.resolve("exercises/E3.html").toAbsolutePath().toUri().toString());
            assertTrue(browser.pageText().contains("check(\"E3\")"), browser.pageText());
            checkPage(browser, axe, "E3-en", false);
            browser.find(By.cssSelector("a.lang-switch")).click();
            awaitPage(browser, "/vi/exercises/E3.html");
            assertTrue(browser.pageText().contains("cổng quên"), browser.pageText());
            checkPage(browser, axe, "E3-vi", false);
        }
    }

    private static void open(Chromium browser, String url) {
        browser.driver.get(url);
        awaitPage(browser, url.substring(url.lastIndexOf("/target/site/") + "/target".length()));
    }

    private static void awaitPage(Chromium browser, String path) {
        browser.await(
                "site-page",
                "the page " + path + " to load",
                Duration.ofSeconds(30),
                () -> browser.driver.getCurrentUrl().endsWith(path)
                        && "complete".equals(browser.js("return document.readyState")));
    }

    /** MathJax typeset (on a notebook), every image described, axe-core content, and a screenshot. */
    private static void checkPage(Chromium browser, String axe, String name, boolean notebook) {
        if (notebook) {
            browser.await(
                    "site-math-" + name,
                    "MathJax to typeset the page's equations",
                    Duration.ofSeconds(60),
                    () -> (Long) browser.js("return document.querySelectorAll('.MathJax').length") > 0
                            && (Boolean)
                                    browser.js("return MathJax.Hub.queue.pending === 0 && !MathJax.Hub.queue.running"));
            assertEquals(0L, browser.js("return document.querySelectorAll('.MathJax_Error, .merror').length"), name);
            assertEquals(
                    0L,
                    browser.js("return performance.getEntriesByType('resource')"
                            + ".filter(e => !e.name.startsWith('file:') && !e.name.startsWith('data:')).length"),
                    name + " fetches nothing from the network");
            assertTrue((Long) browser.js("return document.images.length") > 0, name + " shows its figures");
        }
        @SuppressWarnings("unchecked")
        List<String> undescribed = (List<String>)
                browser.js("return Array.from(document.images).filter(i => !(i.getAttribute('alt') || '').trim())"
                        + ".map(i => i.outerHTML.slice(0, 120))");
        assertEquals(List.of(), undescribed, name + ": every image has a text alternative");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> violations = (List<Map<String, Object>>)
                browser.driver.executeAsyncScript(axe + "\n;const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']})"
                        + ".then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                        + ".map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))))"
                        + ".catch(e => done([{id: 'axe failed', impact: String(e), nodes: []}]));");
        assertEquals(List.of(), violations, name + ": axe-core's serious and critical violations");
        browser.screenshot(name);
    }

    @Test
    void noSolutionLineAndNoHiddenTestNameIsAnywhereInTheSite() throws Exception {
        List<String> solutionLines = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("solutions"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                boolean inside = false;
                for (String line : Files.readAllLines(file)) {
                    if (line.contains("END SOLUTION")) inside = false;
                    if (inside && line.trim().length() >= 12) solutionLines.add(line.trim());
                    if (line.contains("BEGIN SOLUTION")) inside = true;
                }
            }
        }
        List<String> hiddenNames = new ArrayList<>();
        Pattern names = Pattern.compile("(?:void (\\w+)\\(|@DisplayName\\(\"([^\"]+)\"\\)|class (\\w+))");
        try (Stream<Path> files = Files.walk(Path.of("src/hidden"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = names.matcher(Files.readString(file));
                while (m.find()) {
                    for (int g = 1; g <= 3; g++)
                        if (m.group(g) != null && m.group(g).length() >= 10) hiddenNames.add(m.group(g));
                }
            }
        }
        assertTrue(solutionLines.size() > 20, "the solutions' lines were found: " + solutionLines);
        assertTrue(hiddenNames.size() > 5, "the hidden tests' names were found: " + hiddenNames);
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SITE)) {
            for (Path page : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                String text = plainText(Files.readString(page));
                for (String line : solutionLines) if (text.contains(line)) found.add(page + ": solution line " + line);
                for (String name : hiddenNames) if (text.contains(name)) found.add(page + ": hidden test " + name);
            }
        }
        assertEquals(List.of(), found);
    }

    /** A page's text without tags and with the common entities read, as a reader sees it. */
    static String plainText(String html) {
        return html.replaceAll("<[^>]*>", "")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&");
    }
}
