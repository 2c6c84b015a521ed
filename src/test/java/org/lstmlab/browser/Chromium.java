package org.lstmlab.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium, headless, driven through Debian's chromedriver (both named explicitly, so
 * Selenium Manager never looks for or downloads a browser or driver), with a fresh profile, no
 * background traffic and only 127.0.0.1 reachable. Waits that time out fail with the page's text
 * and a screenshot.
 */
final class Chromium implements AutoCloseable {

    static final String BROWSER = "/usr/bin/chromium";
    static final String DRIVER = "/usr/bin/chromedriver";

    final ChromeDriver driver;
    private final ChromeDriverService service;
    private final Path screenshots;
    private final List<ProcessHandle> family = new ArrayList<>();

    private Chromium(ChromeDriverService service, ChromeDriver driver, Path screenshots) {
        this.service = service;
        this.driver = driver;
        this.screenshots = screenshots;
    }

    /**
     * Starts the browser.
     *
     * @param run a fresh temporary folder for the profile and the driver's log
     * @param screenshots the folder screenshots are written to
     */
    static Chromium start(Path run, Path screenshots) throws IOException {
        for (String binary : List.of(BROWSER, DRIVER)) {
            if (!Files.isExecutable(Path.of(binary))) {
                throw new IllegalStateException(binary + " is missing: ./lab test installs chromium and chromium-driver"
                        + " (sudo apt-get install --no-install-recommends chromium chromium-driver)");
            }
        }
        Files.createDirectories(screenshots);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort()
                .withLogFile(run.resolve("chromedriver.log").toFile())
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER);
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--no-first-run",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--user-data-dir=" + run.resolve("chromium-profile"),
                "--no-proxy-server",
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
                "--window-size=1280,1600");
        service.start();
        ChromeDriver driver;
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            service.stop();
            throw e;
        }
        Chromium chromium = new Chromium(service, driver, screenshots);
        ProcessHandle.current()
                .descendants()
                .filter(p -> p.info().commandLine().orElse("").contains(run.toString()))
                .forEach(chromium.family::add);
        return chromium;
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    WebElement find(By by) {
        return driver.findElement(by);
    }

    /** Saves the page as it looks now into the screenshot folder; returns the file. */
    Path screenshot(String name) {
        try {
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Path file = screenshots.resolve(name + ".png");
            Files.copy(shot.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The page's visible text (the last 20,000 characters of it). */
    String pageText() {
        try {
            String text = find(By.tagName("body")).getText();
            return text.length() > 20_000 ? "…" + text.substring(text.length() - 20_000) : text;
        } catch (WebDriverException e) {
            return "(could not read the page: " + e.getMessage() + ")";
        }
    }

    /**
     * Waits until {@code condition} holds; on a timeout fails with what it waited for, the page's
     * text and a screenshot named {@code timeout-<step>}.
     *
     * @param step a file-name-safe name of the step (for the screenshot)
     * @param what what is being waited for, as a sentence part ("the kernel to go idle")
     * @param timeout how long to wait
     * @param condition polled every 250 ms; an exception inside counts as "not yet"
     */
    void await(String step, String what, Duration timeout, Supplier<Boolean> condition) {
        try {
            new WebDriverWait(driver, timeout, Duration.ofMillis(250))
                    .ignoring(WebDriverException.class)
                    .until(d -> condition.get() ? Boolean.TRUE : null);
        } catch (TimeoutException e) {
            Path shot;
            try {
                shot = screenshot("timeout-" + step);
            } catch (RuntimeException noShot) {
                throw new AssertionError(
                        "timed out after " + timeout.toSeconds() + " s waiting for " + what + " (no screenshot: "
                                + noShot.getMessage() + "); page text:\n" + pageText(),
                        e);
            }
            throw new AssertionError(
                    "timed out after " + timeout.toSeconds() + " s waiting for " + what + "; screenshot " + shot
                            + "; page text:\n" + pageText(),
                    e);
        }
    }

    /** The browser, the driver and every process they started (seen at start-up) are gone. */
    @Override
    public void close() {
        ProcessHandle.current()
                .descendants()
                .filter(p -> p.info().command().map(c -> c.contains("chrom")).orElse(false))
                .forEach(family::add);
        try {
            driver.quit();
        } catch (RuntimeException e) {
            System.err.println("chromium: quit failed (" + e.getMessage() + "), stopping it by force");
        } finally {
            service.stop();
            for (ProcessHandle member : family) {
                if (member.isAlive()) {
                    member.destroyForcibly();
                }
            }
        }
    }
}
