package io.datamint.pipeline.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datamint.domain.model.dataset.Cid;
import io.datamint.domain.model.dataset.ContributorId;
import io.datamint.domain.model.dataset.Dataset;
import io.datamint.domain.model.dataset.DatasetId;
import io.datamint.domain.model.dataset.Inspection;
import io.datamint.domain.model.dataset.ItemSink;
import io.datamint.domain.model.dataset.SpdxLicense;
import io.datamint.domain.model.dataset.Tag;
import io.datamint.pipeline.inspect.InspectionLimits;
import io.datamint.pipeline.inspect.TikaInspector;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PublicMetadataWriterTest {

  private static final Cid CONTENT =
      Cid.of("bafybeiffpluluc3vrxqqdzz36mdj33yoj4p2k3xwzw6jzesnaiuq6r4aoe");
  private static final Cid PREVIEW =
      Cid.of("bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku");

  @Test
  void describesTheVersionPubliclyWithoutOwnerExamplesOrKeys() throws Exception {
    Path file = Path.of(getClass().getResource("/fixtures/good/people.csv").toURI());
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    Dataset d =
        new Dataset(
            DatasetId.of("7f1d7a0e-8f5e-4b8e-9d0a-3c1f2b4a5d6e"),
            new ContributorId("keycloak-subject-123"),
            "People",
            "Famous programmers",
            SpdxLicense.of("CC-BY-4.0"),
            Set.of(new Tag("people"), new Tag("history")),
            "people.csv",
            t);
    d.uploadCompleted(1, 322, t);
    Inspection.Accepted a =
        (Inspection.Accepted)
            new TikaInspector(InspectionLimits.defaults())
                .inspect(file, "people.csv", ItemSink.discard());
    d.inspectionPassed(1, a.manifest(), t);

    PublicMetadataWriter writer = new PublicMetadataWriter(new ObjectMapper());
    byte[] bytes = writer.write(d, 1, CONTENT, 1000, PREVIEW);
    JsonNode m = new ObjectMapper().readTree(bytes);

    assertThat(m.get("name").asText()).isEqualTo("People");
    assertThat(m.get("license").asText()).isEqualTo("CC-BY-4.0");
    assertThat(m.get("tags")).extracting(JsonNode::asText).containsExactly("history", "people");
    assertThat(m.at("/content/uri").asText()).isEqualTo("ipfs://" + CONTENT);
    assertThat(m.at("/content/sha256").asText()).isEqualTo(a.manifest().contentHash().sha256Hex());
    assertThat(m.at("/preview/cid").asText()).isEqualTo(PREVIEW.value());
    assertThat(m.get("schema")).hasSize(8);
    assertThat(m.at("/statistics/items").asLong()).isEqualTo(4);
    assertThat(m.at("/statistics/labelDistribution/positive").asLong()).isEqualTo(2);
    assertThat(m.get("personalData")).hasSize(4);

    String text = new String(bytes, StandardCharsets.UTF_8);
    assertThat(text)
        .doesNotContain("keycloak-subject-123")
        .doesNotContain("***")
        .doesNotContain("key");
    assertThat(writer.write(d, 1, CONTENT, 1000, PREVIEW)).as("deterministic").isEqualTo(bytes);
  }
}
