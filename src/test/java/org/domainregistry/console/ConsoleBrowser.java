package org.domainregistry.console;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven through chromedriver, with the flags this closed network needs
 * (README "Tests"); a test without Chromium installed is skipped with a message ({@code .ci/run}
 * installs it).
 */
final class ConsoleBrowser implements AutoCloseable {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Duration DEADLINE = Duration.ofSeconds(20);
  private final ChromeDriver driver;
  private final Path profile;

  ConsoleBrowser() throws IOException {
    this(false);
  }

  /** A browser that, with {@code acceptSelfSigned}, accepts the test's self-signed node certificate. */
  ConsoleBrowser(boolean acceptSelfSigned) throws IOException {
    assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
    profile = Files.createTempDirectory("console-chromium");
    ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toString()).addArguments(
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1280,900", "--user-data-dir=" + profile);
    options.setAcceptInsecureCerts(acceptSelfSigned);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
  }

  WebDriver driver() {
    return driver;
  }

  void open(String url) {
    driver.get(url);
  }

  WebElement byId(String id) {
    return until("#" + id + " to be present", d -> d.findElement(By.id(id)));
  }

  void type(String id, String text) {
    WebElement field = byId(id);
    field.clear();
    field.sendKeys(text);
  }

  void click(String id) {
    byId(id).click();
  }

  /** Waits (up to the deadline) for the condition to give a non-null, non-false value. */
  <T> T until(String what, ExpectedCondition<T> condition) {
    return new WebDriverWait(driver, DEADLINE).withMessage(what).ignoring(RuntimeException.class).until(condition);
  }

  /** The table row of {@code tbody#bodyId} whose {@code data-attribute} is {@code value}, once shown. */
  WebElement row(String bodyId, String attribute, String value) {
    return until("a row " + attribute + "=" + value + " in #" + bodyId, d -> {
      List<WebElement> rows = d.findElements(By.cssSelector("#" + bodyId + " tr[data-" + attribute + "='" + value + "']"));
      return rows.isEmpty() ? null : rows.get(0);
    });
  }

  /** The text of that row once shown, read in the same wait (rows re-rendered meanwhile are read again). */
  String rowText(String bodyId, String attribute, String value) {
    return until("the text of a row " + attribute + "=" + value + " in #" + bodyId, d -> {
      List<WebElement> rows = d.findElements(By.cssSelector("#" + bodyId + " tr[data-" + attribute + "='" + value + "']"));
      return rows.isEmpty() ? null : rows.get(0).getText();
    });
  }

  /** Waits for the text of element {@code id} to contain {@code text}; answers the whole text. */
  String textContaining(String id, String text) {
    return until("#" + id + " to contain \"" + text + "\"", d -> {
      String shown = d.findElement(By.id(id)).getText();
      return shown.contains(text) ? shown : null;
    });
  }

  void screenshot(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
  }

  @Override
  public void close() throws IOException {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }
}
