package io.datamint.validation.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachingEmbedderTest {

  /** Embeds a text as (length, first char) and records what it was asked. */
  static final class CountingEmbedder implements Embedder {
    final List<String> computed = new ArrayList<>();

    @Override
    public int dimension() {
      return 2;
    }

    @Override
    public String modelId() {
      return "counting";
    }

    @Override
    public List<float[]> embed(List<String> texts) {
      computed.addAll(texts);
      return texts.stream()
          .map(t -> new float[] {t.length(), t.isEmpty() ? 0 : t.charAt(0)})
          .toList();
    }

    @Override
    public List<float[]> embedPairs(List<TextPair> pairs) {
      return embed(pairs.stream().map(p -> p.first() + "|" + p.second()).toList());
    }
  }

  @TempDir Path dir;

  @Test
  void computesEachContentOnceAcrossCallsAndWithinABatch() {
    CountingEmbedder model = new CountingEmbedder();
    CachingEmbedder cache =
        new CachingEmbedder(model, new FileEmbeddingStore(dir.resolve("c")), 10);

    List<float[]> first = cache.embed(List.of("apple", "pear", "apple"));
    List<float[]> second = cache.embed(List.of("pear", "plum"));

    assertThat(model.computed).containsExactly("apple", "pear", "plum");
    assertThat(first.get(0)).isEqualTo(first.get(2)).containsExactly(5f, 'a');
    assertThat(second.get(0)).isEqualTo(first.get(1));
    assertThat(cache.hitsAndMisses()).containsExactly(2L, 3L);
  }

  @Test
  void theFileStoreServesANewProcessWithoutRecomputing() {
    Path file = dir.resolve("cache.bin");
    new CachingEmbedder(new CountingEmbedder(), new FileEmbeddingStore(file), 10)
        .embed(List.of("kept across runs"));

    CountingEmbedder fresh = new CountingEmbedder();
    List<float[]> again =
        new CachingEmbedder(fresh, new FileEmbeddingStore(file), 10)
            .embed(List.of("kept across runs"));

    assertThat(fresh.computed).isEmpty();
    assertThat(again.get(0)).containsExactly(16f, 'k');
  }

  @Test
  void aTornTailOfTheFileIsIgnored() throws IOException {
    Path file = dir.resolve("cache.bin");
    new FileEmbeddingStore(file).save(java.util.Map.of("h1", new float[] {1, 2}));
    Files.write(file, new byte[] {0, 2, 'h'}, StandardOpenOption.APPEND); // a crash mid-record

    FileEmbeddingStore reopened = new FileEmbeddingStore(file);

    assertThat(reopened.size()).isEqualTo(1);
    assertThat(reopened.load(List.of("h1")).get("h1")).containsExactly(1f, 2f);
  }

  @Test
  void singleTextsAndPairsNeverShareAKey() {
    assertThat(ContentHash.of("m", "a|b"))
        .isNotEqualTo(ContentHash.of("m", new TextPair("a", "b")));
    assertThat(ContentHash.of("m", new TextPair("ab", "c")))
        .isNotEqualTo(ContentHash.of("m", new TextPair("a", "bc")));
    assertThat(ContentHash.of("m1", "x")).isNotEqualTo(ContentHash.of("m2", "x"));
  }
}
