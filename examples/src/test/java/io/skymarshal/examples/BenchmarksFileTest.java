package io.skymarshal.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarksFileTest {

  @Test
  void replaceSection_whenPresent_replacesOnlyThatSection(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("benchmarks.md");
    Files.writeString(f, "# Benchmarks\n\n## Orchestration\nold o\n\n## Prompt tokens\nold p\n\n## Batch reads\nold b\n");

    PromptTokens.BenchmarksFile.replaceSection(f, "## Prompt tokens", "## Prompt tokens\nnew p\n");

    assertThat(Files.readString(f))
        .isEqualTo("# Benchmarks\n\n## Orchestration\nold o\n\n## Prompt tokens\nnew p\n\n## Batch reads\nold b\n");
  }

  @Test
  void replaceSection_whenAbsent_appendsIt(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("docs/benchmarks.md");

    PromptTokens.BenchmarksFile.replaceSection(f, "## Prompt tokens", "## Prompt tokens\nnew p\n");
    PromptTokens.BenchmarksFile.replaceSection(f, "## Prompt tokens", "## Prompt tokens\nnewer p\n");

    assertThat(Files.readString(f)).isEqualTo("# Benchmarks\n\n## Prompt tokens\nnewer p\n");
  }
}
