package io.datamint.chain;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.datamint.domain.model.chain.ContractAddress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the Datamint contracts live on one chain, as the deployer writes it to a JSON file and the
 * application reads it back.
 *
 * @param deployedAtBlock the block of the first deployment: the event indexer starts there
 */
public record DatamintContracts(
    long chainId,
    ContractAddress paymentToken,
    ContractAddress dataNft,
    ContractAddress purchase,
    ContractAddress rewardEscrow,
    long deployedAtBlock) {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public DatamintContracts {
    Objects.requireNonNull(paymentToken, "payment token must not be null");
    Objects.requireNonNull(dataNft, "DataNFT must not be null");
    Objects.requireNonNull(purchase, "purchase must not be null");
    Objects.requireNonNull(rewardEscrow, "reward escrow must not be null");
  }

  public static DatamintContracts read(Path file) throws IOException {
    FileForm form = JSON.readValue(file.toFile(), FileForm.class);
    return new DatamintContracts(
        form.chainId(),
        ContractAddress.of(form.paymentToken()),
        ContractAddress.of(form.dataNft()),
        ContractAddress.of(form.purchase()),
        ContractAddress.of(form.rewardEscrow()),
        form.deployedAtBlock());
  }

  public void write(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    FileForm form =
        new FileForm(
            chainId,
            paymentToken.value(),
            dataNft.value(),
            purchase.value(),
            rewardEscrow.value(),
            deployedAtBlock);
    JSON.writeValue(file.toFile(), form);
  }

  /** The JSON shape, kept flat so that shell scripts can read it with a one-line grep. */
  private record FileForm(
      long chainId,
      String paymentToken,
      String dataNft,
      String purchase,
      String rewardEscrow,
      long deployedAtBlock) {}
}
