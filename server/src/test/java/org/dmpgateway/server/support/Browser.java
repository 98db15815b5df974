package org.dmpgateway.server.support;

import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real browser for the patient's pages: Debian's headless Chromium driven by its chromedriver
 * through Selenium, offline (both paths given, so Selenium Manager never looks for or downloads a
 * driver or a browser; surefire also sets {@code SE_OFFLINE}). Each browser has a fresh profile
 * directory, deleted on close. {@link #shot} saves a screenshot under
 * {@code target/screenshots/<suite>/}. Without the binaries it fails with what to install (never a
 * silent skip).
 */
public final class Browser implements AutoCloseable {
    /** Where Debian puts them ({@code apt-get install chromium chromium-driver}); overridable by system property. */
    public static final Path CHROMIUM = Path.of(System.getProperty("dmp.test.chromium", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER = Path.of(System.getProperty("dmp.test.chromedriver",
            "/usr/bin/chromedriver"));

    private final WebDriver driver;
    private final Path profile;
    private final Path screenshots;
    private final String base;
    private int shots;

    private Browser(int port, String suite) throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new AssertionError("The browser tests of the patient's pages need Chromium and its driver at "
                    + CHROMIUM + " and " + CHROMEDRIVER + " (Debian: apt-get install chromium chromium-driver; "
                    + ".ci/run installs them; other paths: -Ddmp.test.chromium=... -Ddmp.test.chromedriver=...).");
        }
        profile = Files.createTempDirectory("dmp-chromium-");
        screenshots = Path.of("target", "screenshots", suite);
        Files.createDirectories(screenshots);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--lang=fr-FR", "--window-size=1280,1000", "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.manage().window().setSize(new Dimension(1280, 1000));
        base = "http://127.0.0.1:" + port;
    }

    /** A new browser on the server at {@code port}; its screenshots go under target/screenshots/{@code suite}. */
    public static Browser open(int port, String suite) {
        try {
            return new Browser(port, suite);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Browser go(String path) {
        driver.get(base + path);
        return this;
    }

    /** Replaces the value of the input (or textarea) whose id is {@code id}. */
    public Browser type(String id, String text) {
        WebElement input = driver.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
        return this;
    }

    /** Clicks the radio button or checkbox whose id is {@code id}. */
    public Browser choose(String id) {
        WebElement input = driver.findElement(By.id(id));
        if (!input.isSelected()) {
            input.click();
        }
        return this;
    }

    /** Clicks the button of the page whose visible text is {@code text} (the first one), then waits for the next page. */
    public Browser press(String text) {
        return clickAndWait(button(driver.findElement(By.tagName("body")), text));
    }

    /** Clicks the button {@code text} in the table row that carries {@code attribute}={@code value}; waits for the next page. */
    public Browser pressInRow(String attribute, String value, String text) {
        return clickAndWait(button(row(attribute, value), text));
    }

    /** Follows the link whose visible text is {@code text} and waits for the next page. */
    public Browser follow(String text) {
        return clickAndWait(driver.findElement(By.linkText(text)));
    }

    /** Clicks, then waits until the page it was on is gone and the next one is loaded. */
    public Browser clickAndWait(WebElement target) {
        WebElement page = driver.findElement(By.tagName("html"));
        target.click();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        wait.until(d -> isGone(page));
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        return this;
    }

    /**
     * Whether the page's root element left the document. Selenium's {@code stalenessOf} knows only the stale
     * element error; Chromium sometimes answers a generic one for a node of a page being replaced ("Node with
     * given id does not belong to the document"), which means the same.
     */
    private static boolean isGone(WebElement page) {
        try {
            page.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            String message = e.getMessage();
            if (message != null && message.contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    public WebElement row(String attribute, String value) {
        return driver.findElement(By.cssSelector("tr[" + attribute + "='" + value + "']"));
    }

    public List<WebElement> rows(String attribute, String value) {
        return driver.findElements(By.cssSelector("tr[" + attribute + "='" + value + "']"));
    }

    private static WebElement button(WebElement scope, String text) {
        return scope.findElements(By.tagName("button")).stream().filter(b -> b.getText().strip().startsWith(text))
                .findFirst().orElseThrow(() -> new AssertionError("no button '" + text + "' in: " + scope.getText()));
    }

    public String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    /** The visible text of the page. */
    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public String source() {
        return driver.getPageSource();
    }

    public String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(base) ? url.substring(base.length()) : url;
    }

    public String title() {
        return driver.getTitle();
    }

    public WebElement element(By by) {
        return driver.findElement(by);
    }

    public List<WebElement> elements(By by) {
        return driver.findElements(by);
    }

    public String value(String id) {
        return driver.findElement(By.id(id)).getDomProperty("value");
    }

    /** The value of the browser's cookie {@code name} for the server (the session's, to fetch a download), or null. */
    public String cookie(String name) {
        Cookie cookie = driver.manage().getCookieNamed(name);
        return cookie == null ? null : cookie.getValue();
    }

    /** Chooses the option whose value is {@code value} in the list whose id is {@code id}. */
    public Browser select(String id, String value) {
        new Select(driver.findElement(By.id(id))).selectByValue(value);
        return this;
    }

    /** Saves a screenshot of the page, numbered in the order of the suite: target/screenshots/suite/NN-name.png. */
    public Path shot(String name) {
        File png = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE);
        Path target = screenshots.resolve(String.format("%02d-%s.png", ++shots, name));
        try {
            Files.copy(png.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary profile left behind is harmless
            }
        }
    }
}
