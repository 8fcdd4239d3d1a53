package org.domainregistry.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The nodes' wall clocks, each steppable on its own: the node process runs with the shim
 * {@code src/test/c/realtime_offset.c} preloaded (built here with gcc), which adds the seconds in
 * the node's offset file to {@code CLOCK_REALTIME} and leaves the monotonic clock alone, as a real
 * clock step does (README "Fault testing").
 */
final class SteppedClocks {
  private static final Path SOURCE = Path.of("src", "test", "c", "realtime_offset.c");
  private final Path library;
  private final Path[] offsets;

  /** Builds the shim into {@code target/} and gives each of {@code nodes} an offset file at 0. */
  SteppedClocks(int nodes) {
    try {
      Path target = Files.createDirectories(Path.of("target", "faults")).toAbsolutePath();
      library = target.resolve("realtime_offset.so");
      Shell.run("gcc", "-O2", "-shared", "-fPIC", "-Wall", "-o", library.toString(),
          SOURCE.toAbsolutePath().toString(), "-ldl");
      offsets = new Path[nodes];
      for (int i = 0; i < nodes; i++) {
        offsets[i] = Files.writeString(target.resolve("clock-offset-" + i), "0");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether the shim can be built here. */
  static boolean available() {
    return Shell.onPath("gcc") && Files.isReadable(SOURCE);
  }

  /** The environment that makes node {@code i}'s process follow its offset file. */
  Map<String, String> environment(int i) {
    return Map.of("LD_PRELOAD", library.toString(), "REALTIME_OFFSET_FILE", offsets[i].toString());
  }

  /** Steps node {@code i}'s wall clock to {@code seconds} away from true time (0: back to it). */
  void step(int i, long seconds) {
    try {
      Files.writeString(offsets[i], Long.toString(seconds));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
