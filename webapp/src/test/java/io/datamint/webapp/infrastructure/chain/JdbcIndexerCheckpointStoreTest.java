package io.datamint.webapp.infrastructure.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.domain.model.chain.IndexerCheckpointStore.BlockRef;
import io.datamint.domain.model.chain.IndexerCheckpointStore.Checkpoint;
import java.util.List;
import org.junit.jupiter.api.Test;

class JdbcIndexerCheckpointStoreTest {

  @Test
  void aCheckpointSurvivesItsTextFormInOrder() {
    Checkpoint checkpoint =
        new Checkpoint(List.of(new BlockRef(41, "0x" + "a".repeat(64)), new BlockRef(42, "0xbb")));

    String text = JdbcIndexerCheckpointStore.format(checkpoint);

    assertThat(text).isEqualTo("41 0x" + "a".repeat(64) + "\n42 0xbb\n");
    assertThat(JdbcIndexerCheckpointStore.parse(text)).isEqualTo(checkpoint);
  }

  @Test
  void anEmptyCheckpointIsEmptyText() {
    assertThat(JdbcIndexerCheckpointStore.format(Checkpoint.empty())).isEmpty();
    assertThat(JdbcIndexerCheckpointStore.parse("")).isEqualTo(Checkpoint.empty());
  }

  @Test
  void anUnreadableLineIsAnErrorNotASilentRestart() {
    assertThatThrownBy(() -> JdbcIndexerCheckpointStore.parse("41\n"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("unreadable");
  }
}
