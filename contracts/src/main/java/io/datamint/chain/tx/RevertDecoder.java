package io.datamint.chain.tx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datamint.domain.model.chain.ChainRejectedException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Type;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * Turns revert data into the name and arguments of the custom error that caused it, e.g. {@code
 * RewardEscrowNothingToClaim(campaignId=0x.., labeler=0x.., cumulativeAmount=10)}. The error
 * definitions come from the compiled ABIs on the classpath, so a new error in a contract is known
 * here as soon as it is compiled.
 */
public final class RevertDecoder {

  /** The contracts whose ABIs are read; their inherited OpenZeppelin errors come along. */
  public static final List<String> CONTRACTS =
      List.of("DataNFT", "Datatoken", "Purchase", "RewardEscrow", "MockPaymentToken");

  private static final String ABI_FOLDER = "/io/datamint/chain/abi/";
  private static final String ERROR_STRING = "0x08c379a0";
  private static final String PANIC_UINT = "0x4e487b71";

  private final Map<String, ErrorDefinition> bySelector;

  private RevertDecoder(Map<String, ErrorDefinition> bySelector) {
    this.bySelector = Map.copyOf(bySelector);
  }

  /** A decoder for every error of the Datamint contracts. */
  public static RevertDecoder forDatamintContracts() {
    ObjectMapper json = new ObjectMapper();
    Map<String, ErrorDefinition> errors = new HashMap<>();
    for (String contract : CONTRACTS) {
      String resource = ABI_FOLDER + contract + ".abi";
      try (InputStream in = RevertDecoder.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("ABI missing from the classpath: " + resource);
        }
        for (JsonNode entry : json.readTree(in)) {
          if ("error".equals(entry.path("type").asText())) {
            ErrorDefinition definition = ErrorDefinition.from(entry);
            errors.put(definition.selector(), definition);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + resource, e);
      }
    }
    return new RevertDecoder(errors);
  }

  /** The exception for revert {@code data} (hex), with {@code context} saying what was tried. */
  public ChainRejectedException toException(String context, String data) {
    Decoded decoded = decode(data);
    return new ChainRejectedException(decoded.name(), context + " reverted: " + decoded.text());
  }

  /** Decodes revert data; unknown or empty data is reported as such, never thrown. */
  public Decoded decode(String data) {
    if (data == null || data.length() < 10) {
      return new Decoded("Revert", "reverted without a reason");
    }
    String hex = data.startsWith("0x") ? data : "0x" + data;
    String selector = hex.substring(0, 10).toLowerCase(java.util.Locale.ROOT);
    String arguments = hex.substring(10);
    if (ERROR_STRING.equals(selector)) {
      List<Type> values = decodeArguments(arguments, List.of("string"));
      return new Decoded(
          "Error", values.isEmpty() ? "Error()" : values.get(0).getValue().toString());
    }
    if (PANIC_UINT.equals(selector)) {
      List<Type> values = decodeArguments(arguments, List.of("uint256"));
      return new Decoded(
          "Panic",
          "Panic(0x" + ((java.math.BigInteger) values.get(0).getValue()).toString(16) + ")");
    }
    ErrorDefinition definition = bySelector.get(selector);
    if (definition == null) {
      return new Decoded("Unknown", "unknown custom error " + selector);
    }
    List<Type> values = decodeArguments(arguments, definition.types());
    List<String> shown = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      shown.add(definition.names().get(i) + "=" + show(values.get(i)));
    }
    return new Decoded(definition.name(), definition.name() + "(" + String.join(", ", shown) + ")");
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static List<Type> decodeArguments(String hex, List<String> types) {
    List<TypeReference<Type>> references = new ArrayList<>();
    for (String type : types) {
      try {
        references.add((TypeReference) TypeReference.makeTypeReference(type));
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("unsupported ABI type in an error: " + type, e);
      }
    }
    return FunctionReturnDecoder.decode(hex, references);
  }

  private static String show(Type<?> value) {
    Object raw = value.getValue();
    if (raw instanceof byte[] bytes) {
      return Numeric.toHexString(bytes);
    }
    return String.valueOf(raw);
  }

  /** A decoded revert: the error's name and a readable rendering with its arguments. */
  public record Decoded(String name, String text) {}

  private record ErrorDefinition(String name, List<String> names, List<String> types) {

    static ErrorDefinition from(JsonNode entry) {
      List<String> names = new ArrayList<>();
      List<String> types = new ArrayList<>();
      for (JsonNode input : entry.path("inputs")) {
        names.add(input.path("name").asText());
        types.add(input.path("type").asText());
      }
      return new ErrorDefinition(entry.path("name").asText(), names, types);
    }

    String selector() {
      String signature = name + types.stream().collect(Collectors.joining(",", "(", ")"));
      return Hash.sha3String(signature).substring(0, 10);
    }
  }
}
