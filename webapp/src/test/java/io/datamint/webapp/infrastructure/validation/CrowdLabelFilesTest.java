package io.datamint.webapp.infrastructure.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.domain.model.validation.Annotation;
import io.datamint.domain.model.validation.CrowdLabels;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CrowdLabelFilesTest {

  private static CrowdLabelFiles files(long limit) {
    ValidationUploadSettings settings = new ValidationUploadSettings();
    settings.maxBytes = limit;
    return new CrowdLabelFiles(settings);
  }

  private static InputStream csv(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  private static CrowdLabelFiles.Upload upload(String annotations, String gold) {
    return new CrowdLabelFiles.Upload(
        csv(annotations), gold == null ? null : csv(gold), null, null, 0.5);
  }

  @Test
  void readsAnnotationsGoldAndTheTextColumnWhenTheHeaderHasOne() throws Exception {
    CrowdLabels labels =
        files(1024)
            .read(
                upload(
                    "item_id,worker_id,label,text\ni1,w1,yes,the sky is blue\ni1,w2,no,\n",
                    "item_id,label\ni1,yes\n"));

    assertThat(labels.annotations())
        .containsExactly(new Annotation("i1", "w1", "yes"), new Annotation("i1", "w2", "no"));
    assertThat(labels.items().get("i1").text()).isEqualTo("the sky is blue");
    assertThat(labels.gold()).containsEntry("i1", "yes");
    assertThat(labels.acceptThreshold()).isEqualTo(0.5);
  }

  @Test
  void withoutATextColumnTheLabelsCarryNoContent() throws Exception {
    CrowdLabels labels = files(1024).read(upload("worker_id,item_id,label\nw1,i1,yes\n", null));

    assertThat(labels.items()).isEmpty();
    assertThat(labels.annotations()).containsExactly(new Annotation("i1", "w1", "yes"));
  }

  @Test
  void aMalformedRowIsRefusedWithItsLineAndTheFileItIsIn() {
    assertThatThrownBy(
            () -> files(1024).read(upload("item_id,worker_id,label\ni1,w1,yes\ni2,w1\n", null)))
        .isInstanceOf(CrowdLabelFiles.BadFileException.class)
        .hasMessage("annotations file, line 3: malformed row: 2 fields, the header has 3")
        .satisfies(e -> assertThat(((CrowdLabelFiles.BadFileException) e).line()).isEqualTo(3));
    assertThatThrownBy(
            () ->
                files(1024)
                    .read(upload("item_id,worker_id,label\ni1,w1,yes\n", "item_id,label\ni1,\n")))
        .isInstanceOf(CrowdLabelFiles.BadFileException.class)
        .hasMessage("gold file, line 2: empty label");
  }

  @Test
  void aFileOverTheLimitIsRefusedAndNothingIsLeftOnDisk() throws Exception {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    long before = spooled(tmp);

    assertThatThrownBy(() -> files(20).read(upload("item_id,worker_id,label\ni1,w1,yes\n", null)))
        .isInstanceOf(CrowdLabelFiles.TooLargeException.class)
        .hasMessage("the annotations file is larger than the limit of 20 bytes");
    assertThat(spooled(tmp)).isEqualTo(before);
  }

  private static long spooled(Path dir) throws Exception {
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(p -> p.getFileName().toString().startsWith("datamint-crowd-")).count();
    }
  }
}
