package io.datamint.chain.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datamint.chain.tx.RevertDecoder;
import io.datamint.domain.model.chain.ChainEvent;
import io.datamint.domain.model.chain.ContractAddress;
import io.datamint.domain.model.chain.TxHash;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Type;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.utils.Numeric;

/** Decodes logs of our contracts into {@link ChainEvent}s from the compiled ABIs. */
final class AbiEventDecoder {

  private final Map<String, EventDefinition> byTopic = new HashMap<>();

  AbiEventDecoder() {
    ObjectMapper json = new ObjectMapper();
    for (String contract : RevertDecoder.CONTRACTS) {
      String resource = "/io/datamint/chain/abi/" + contract + ".abi";
      try (InputStream in = AbiEventDecoder.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("ABI missing from the classpath: " + resource);
        }
        for (JsonNode entry : json.readTree(in)) {
          if ("event".equals(entry.path("type").asText())) {
            EventDefinition definition = EventDefinition.from(entry);
            byTopic.put(definition.topic(), definition);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + resource, e);
      }
    }
  }

  Optional<ChainEvent> decode(Log log) {
    if (log.getTopics().isEmpty()) {
      return Optional.empty();
    }
    EventDefinition definition = byTopic.get(log.getTopics().get(0).toLowerCase());
    if (definition == null) {
      return Optional.empty();
    }
    Map<String, String> arguments = new LinkedHashMap<>();
    List<TypeReference<Type>> dataTypes = new ArrayList<>();
    List<String> dataNames = new ArrayList<>();
    int topic = 1;
    for (Input input : definition.inputs()) {
      if (input.indexed()) {
        Type<?> value =
            FunctionReturnDecoder.decodeIndexedValue(
                log.getTopics().get(topic++), reference(input.type()));
        arguments.put(input.name(), show(value));
      } else {
        dataTypes.add(reference(input.type()));
        dataNames.add(input.name());
      }
    }
    List<Type> values = FunctionReturnDecoder.decode(log.getData(), dataTypes);
    for (int i = 0; i < values.size(); i++) {
      arguments.put(dataNames.get(i), show(values.get(i)));
    }
    return Optional.of(
        new ChainEvent(
            ContractAddress.of(log.getAddress()),
            definition.name(),
            log.getBlockNumber().longValueExact(),
            log.getBlockHash(),
            TxHash.of(log.getTransactionHash()),
            log.getLogIndex().longValueExact(),
            arguments));
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static TypeReference<Type> reference(String type) {
    try {
      return (TypeReference) TypeReference.makeTypeReference(type);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("unsupported event argument type " + type, e);
    }
  }

  private static String show(Type<?> value) {
    Object raw = value.getValue();
    if (raw instanceof byte[] bytes) {
      return Numeric.toHexString(bytes);
    }
    return String.valueOf(raw).toLowerCase(java.util.Locale.ROOT).startsWith("0x")
        ? String.valueOf(raw).toLowerCase(java.util.Locale.ROOT)
        : String.valueOf(raw);
  }

  private record Input(String name, String type, boolean indexed) {}

  private record EventDefinition(String name, List<Input> inputs) {

    static EventDefinition from(JsonNode entry) {
      List<Input> inputs = new ArrayList<>();
      for (JsonNode input : entry.path("inputs")) {
        inputs.add(
            new Input(
                input.path("name").asText(),
                input.path("type").asText(),
                input.path("indexed").asBoolean()));
      }
      return new EventDefinition(entry.path("name").asText(), inputs);
    }

    String topic() {
      StringBuilder signature = new StringBuilder(name).append('(');
      for (int i = 0; i < inputs.size(); i++) {
        signature.append(i == 0 ? "" : ",").append(inputs.get(i).type());
      }
      return Hash.sha3String(signature.append(')').toString());
    }
  }
}
