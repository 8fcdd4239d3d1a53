package org.domainregistry.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The jar's command line: a node, or the {@code domain} CLI, each with an optional {@code --config FILE} first. */
class LaunchArgumentsTest {

  @Test
  void withoutDomainANodeStarts() {
    assertThat(LaunchArguments.parse(new String[0])).isEqualTo(new LaunchArguments(Optional.empty(), Optional.empty()));
    assertThat(LaunchArguments.parse(new String[] {"--config", "n.yaml"}).configFile()).contains(Path.of("n.yaml"));
  }

  @Test
  void domainSelectsTheCliAndKeepsEverythingAfterIt() {
    LaunchArguments launch = LaunchArguments.parse(
        new String[] {"--config", "n.yaml", "domain", "addDomain", "--config", "x"});

    assertThat(launch.configFile()).contains(Path.of("n.yaml"));
    assertThat(launch.domainCommand()).contains(List.of("addDomain", "--config", "x"));
    assertThat(LaunchArguments.parse(new String[] {"domain"}).domainCommand()).contains(List.of());
  }

  @Test
  void anythingElseIsRefusedByName() {
    assertThatThrownBy(() -> LaunchArguments.parse(new String[] {"--confg", "n.yaml"}))
        .hasMessage("Unknown argument: --confg");
    assertThatThrownBy(() -> LaunchArguments.parse(new String[] {"--config"})).hasMessage("--config needs a FILE");
  }
}
