package org.domainregistry.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.domainregistry.registry.DomainName.isValidHostType;
import static org.domainregistry.registry.DomainName.normalize;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DomainNameTest {

  @ParameterizedTest
  @ValueSource(strings = {"example.com", "localhost", "a", "a-b.c-d.e", "0.1.2", "xn--bcher-kva.example"})
  void canonicalInputIsReturnedAsTheSameInstance(String name) {
    String raw = new String(name);
    assertThat(normalize(raw)).isSameAs(raw);
  }

  @Test
  void upperCaseIsLowerCased() {
    assertThat(normalize("Example.COM")).isEqualTo("example.com");
    assertThat(normalize("XN--BCHER-KVA.EXAMPLE")).isEqualTo("xn--bcher-kva.example");
  }

  @ParameterizedTest
  @ValueSource(strings = {"bücher.example", "BÜCHER.example", "Bücher.Example", "xn--bcher-kva.example"})
  void unicodeAndALabelSpellingsShareOneCanonicalForm(String name) {
    assertThat(normalize(name)).isEqualTo("xn--bcher-kva.example");
  }

  @Test
  void aLabelHidingASoftHyphenIsReencodedToTheOneCanonicalForm() {
    assertThat(normalize("xn--bcher-0ha66c.example")).isEqualTo("xn--bcher-kva.example");
  }

  @Test
  void sharpSIsKeptAsIdna2008Requires() {
    assertThat(normalize("faß.de")).isEqualTo("xn--fa-hia.de");
    assertThat(normalize("xn--fa-hia.de")).isEqualTo("xn--fa-hia.de");
  }

  @ParameterizedTest
  @ValueSource(strings = {"xn--zz.example", "a.xn--zz", "XN--ZZ.example", "xn--.example", "xn--a-ecp.example"})
  void invalidPunycodeIsRejected(String name) {
    assertInvalid(name);
  }

  @Test
  void disallowedCodePointsAreRejected() {
    assertInvalid("a\u2028b.example");
    assertInvalid("a\u0001b.example");
    assertInvalid("\uD83D.example");
  }

  @Test
  void ideographicFullStopSeparatesLabels() {
    assertThat(normalize("例え。テスト")).isEqualTo(normalize("例え.テスト")).startsWith("xn--");
  }

  @Test
  void longestLabelAndNameAreAccepted() {
    String label = "a".repeat(63);
    String name = String.join(".", label, label, label, "a".repeat(61));
    assertThat(name).hasSize(253);
    assertThat(normalize(label)).isSameAs(label);
    assertThat(normalize(name)).isSameAs(name);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {
      "%f3", "\uFFFD", "\uFFFD.com", "a b.com", " a.com", "a.com ", "a\u0000b.com", "a\tb.com",
      "-a.com", "a-.com", "a.-b.com", "a.b-.com", "a..com", ".a.com", "a.com.", ".", "..",
      "a_b.com", "a/b", "a@b.com", "a:80", "BÜCHER.example.", "Bü cher.example", "A..com",
      "-Bücher.example", "é.com\u0085", "a\u200Fb.com"})
  void invalidNamesAreRejected(String name) {
    assertInvalid(name);
  }

  @Test
  void tooLongNamesAreRejected() {
    assertInvalid("a".repeat(1024));
    assertInvalid("a".repeat(64));
    assertInvalid("A".repeat(64));
    assertInvalid("ü".repeat(64));
    String label = "a".repeat(63);
    assertInvalid(String.join(".", label, label, label, "a".repeat(62)));
    assertInvalid(String.join(".", label, label, label, "A".repeat(62)));
    String unicodeWithinLimit = String.join(".", label, label, label, "a".repeat(50), "bücher");
    assertThat(unicodeWithinLimit).hasSizeLessThanOrEqualTo(253);
    assertInvalid(unicodeWithinLimit);
    assertInvalid("ü".repeat(5000));
  }

  @Test
  void canonicalInputDoesNotAllocate() {
    assumeThat(ManagementFactory.getThreadMXBean())
        .isInstanceOf(com.sun.management.ThreadMXBean.class);
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    String name = "some-tenant.example.com";
    for (int i = 0; i < 200_000; i++) {
      normalize(name);
    }
    long before = threads.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < 1_000_000; i++) {
      normalize(name);
    }
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertThat(allocated).isLessThan(100_000);
  }

  @ParameterizedTest
  @ValueSource(strings = {"type1", "dummy auth", "t", " spaced ", "тип", "😀 emoji", "a.b-c_d/e"})
  void printableHostTypesAreValid(String hostType) {
    assertThat(isValidHostType(hostType)).isTrue();
  }

  @Test
  void hostTypeLengthIsOneToHundredCharacters() {
    assertThat(isValidHostType("x".repeat(100))).isTrue();
    assertThat(isValidHostType("😀".repeat(100))).isTrue();
    assertThat(isValidHostType("x".repeat(101))).isFalse();
    assertThat(isValidHostType("😀".repeat(101))).isFalse();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"a\nb", "a\tb", "\u0000", "type\u007F", "a\u0085b", "a\u2028b", "\uD800x"})
  void hostTypesWithUnprintableCharactersAreInvalid(String hostType) {
    assertThat(isValidHostType(hostType)).isFalse();
  }

  private static void assertInvalid(String name) {
    assertThatThrownBy(() -> normalize(name))
        .isInstanceOfSatisfying(DomainException.class,
            e -> assertThat(e.error()).isEqualTo(DomainError.INVALID_DOMAIN))
        .hasMessage("Invalid domain name");
  }
}
