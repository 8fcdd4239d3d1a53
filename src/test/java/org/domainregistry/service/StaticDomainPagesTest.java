package org.domainregistry.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.domainregistry.registry.DomainDetails;
import org.domainregistry.registry.DomainStatus;
import org.domainregistry.store.DomainQuery;
import org.domainregistry.store.StoredDomain;
import org.junit.jupiter.api.Test;

class StaticDomainPagesTest {
  private final StaticDomainPages pages = new StaticDomainPages(Map.of("a.st", "t", "b.st", "t", "c.st", "t"));

  private static DomainQuery firstPage(int limit) {
    return new DomainQuery(Optional.empty(), Optional.empty(), Optional.empty(), limit);
  }

  @Test
  void moreStaticDomainsThanTheLimitGiveANextCursor() {
    DomainPage page = pages.merge(pages.page(firstPage(2)), List.of(), 2);
    assertThat(page.domains()).extracting(DomainDetails::domain).containsExactly("a.st", "b.st");
    assertThat(page.next()).contains("b.st");
    DomainQuery second = new DomainQuery(Optional.empty(), Optional.empty(), Optional.of("b.st"), 2);
    DomainPage last = pages.merge(pages.page(second), List.of(), 2);
    assertThat(last.domains()).extracting(DomainDetails::domain).containsExactly("c.st");
    assertThat(last.next()).isEmpty();
  }

  @Test
  void staticAndStoredDomainsMergeByName() {
    List<StoredDomain> stored = List.of(new StoredDomain("aa.dyn", "t", DomainStatus.DISABLED));
    DomainPage page = pages.merge(pages.page(firstPage(3)), stored, 3);
    assertThat(page.domains()).extracting(DomainDetails::domain).containsExactly("a.st", "aa.dyn", "b.st");
    assertThat(page.next()).contains("b.st");
  }

  @Test
  void exactlyLimitStaticDomainsEndTheList() {
    DomainPage page = pages.merge(pages.page(firstPage(3)), List.of(), 3);
    assertThat(page.domains()).hasSize(3);
    assertThat(page.next()).isEmpty();
  }

  @Test
  void aPrefixKeepsItsNamesWhereverTheCursorIs() {
    DomainQuery prefixed = new DomainQuery(Optional.empty(), Optional.empty(), Optional.empty(), 10, Optional.of("b"));
    assertThat(pages.page(prefixed)).extracting(DomainDetails::domain).containsExactly("b.st");
    for (String after : List.of("a", "b.st", "zzz", "\uFFFD", "")) {
      DomainQuery query = new DomainQuery(Optional.empty(), Optional.empty(), Optional.of(after), 10, Optional.of("b"));
      assertThat(pages.page(query)).as("after %s", after).extracting(DomainDetails::domain)
          .allMatch(name -> name.startsWith("b") && name.compareTo(after) > 0);
    }
    DomainQuery beyond = new DomainQuery(Optional.empty(), Optional.empty(), Optional.of("\uFFFD"), 10);
    assertThat(pages.page(beyond)).as("a cursor above every name: an empty page, not a failure").isEmpty();
  }
}
