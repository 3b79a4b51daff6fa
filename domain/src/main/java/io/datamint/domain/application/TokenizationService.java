package io.datamint.domain.application;

import io.datamint.domain.application.PublishingService.UnknownDatasetException;
import io.datamint.domain.model.account.Account;
import io.datamint.domain.model.account.AccountRepository;
import io.datamint.domain.model.chain.ChainEvent;
import io.datamint.domain.model.chain.ChainOperationKey;
import io.datamint.domain.model.chain.ContractAddress;
import io.datamint.domain.model.chain.DataNftId;
import io.datamint.domain.model.chain.DatasetTokenizer.DatasetMint;
import io.datamint.domain.model.chain.DatasetTokenizer.MintedDataset;
import io.datamint.domain.model.chain.DatasetTokenizer.PublishedVersion;
import io.datamint.domain.model.chain.TxHash;
import io.datamint.domain.model.dataset.Cid;
import io.datamint.domain.model.dataset.ContentHash;
import io.datamint.domain.model.dataset.ContributorId;
import io.datamint.domain.model.dataset.Dataset;
import io.datamint.domain.model.dataset.DatasetId;
import io.datamint.domain.model.dataset.DatasetRepository;
import io.datamint.domain.model.dataset.DatasetState;
import io.datamint.domain.model.dataset.DatasetVersion;
import io.datamint.domain.model.dataset.StoredContent;
import io.datamint.domain.model.dataset.VersionState;
import io.datamint.domain.model.tokenization.DatasetToken;
import io.datamint.domain.model.tokenization.ListingStatus;
import io.datamint.domain.model.tokenization.TokenOperation;
import io.datamint.domain.model.tokenization.TokenOperationKind;
import io.datamint.domain.model.tokenization.TokenOperationRepository;
import io.datamint.domain.model.tokenization.TokenStatus;
import io.datamint.domain.model.tokenization.VersionApproved;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Use cases of putting datasets on chain (flow 1, after the review). An approval records a {@link
 * TokenOperation} in its own transaction (the outbox); {@link TokenizationProcessor} works the
 * queue off through the chain port between the short transactions here; chain events confirm the
 * outcome, and a reorganisation sends it back to be checked. Pages and the API read the result with
 * {@link #token}.
 */
@ApplicationScoped
@Transactional
public class TokenizationService {

  private static final Logger LOG = Logger.getLogger(TokenizationService.class.getName());

  /**
   * How long one attempt may hold an operation: longer than the chain adapter waits for a receipt,
   * so that a second worker never takes an operation that is still being sent.
   */
  static final Duration LEASE = Duration.ofMinutes(3);

  /** The contributor's royalty on resales of the DataNFT (ERC-2981), in basis points. */
  static final int ROYALTY_BPS = 500;

  /** Datatokens share one symbol; the name carries the dataset's title. */
  static final String DATATOKEN_SYMBOL = "DMDT";

  private static final int MAX_DATATOKEN_NAME = 64;

  private TokenOperationRepository operations;
  private DatasetRepository datasets;
  private AccountRepository accounts;
  private Clock clock;

  /** One attempt's work, read in the claiming transaction; the chain is called after it. */
  public record Work(
      ChainOperationKey key,
      TokenOperationKind kind,
      Optional<DatasetMint> mint,
      Optional<Publication> publication) {

    public Work {
      Objects.requireNonNull(key, "key must not be null");
      Objects.requireNonNull(kind, "kind must not be null");
      if (kind == TokenOperationKind.MINT ? mint.isEmpty() : publication.isEmpty()) {
        throw new IllegalArgumentException(kind + " work needs its request");
      }
    }
  }

  /** What publishing a version on chain needs. */
  public record Publication(
      DataNftId token,
      ContractAddress dataNft,
      Cid metadataCid,
      Cid contentCid,
      ContentHash hash) {}

  protected TokenizationService() {
    // for CDI proxies
  }

  @Inject
  public TokenizationService(
      TokenOperationRepository operations,
      DatasetRepository datasets,
      AccountRepository accounts,
      Clock clock) {
    this.operations = operations;
    this.datasets = datasets;
    this.accounts = accounts;
    this.clock = clock;
  }

  // --- the outbox ---

  /** Records the chain operation an approval calls for, in the approval's transaction. */
  public void onVersionApproved(@Observes VersionApproved approved) {
    enqueue(approved);
  }

  /**
   * Queues the mint (for the dataset's first approved version) or the publication of the version;
   * nothing if it is queued already. A dataset approved before tokenization existed is minted with
   * its first approved version, and later ones are published after it, in order.
   */
  public TokenOperation enqueue(VersionApproved approved) {
    DatasetId id = approved.dataset();
    Instant now = clock.instant();
    TokenOperation mint = operations.find(TokenOperation.mintKey(id)).orElse(null);
    if (mint == null) {
      int first =
          datasets.find(id).stream()
              .flatMap(d -> d.versions().stream())
              .filter(v -> v.state() == VersionState.APPROVED)
              .mapToInt(DatasetVersion::number)
              .min()
              .orElse(approved.version());
      mint = add(TokenOperation.mint(id, first, now));
    }
    if (approved.version() <= mint.version()) {
      return mint;
    }
    Optional<TokenOperation> existing =
        operations.find(TokenOperation.versionKey(id, approved.version()));
    return existing.isPresent()
        ? existing.get()
        : add(TokenOperation.publishVersion(id, approved.version(), now));
  }

  private TokenOperation add(TokenOperation operation) {
    operations.add(operation);
    LOG.info(() -> "tokenization: " + operation.key() + " queued");
    return operation;
  }

  /** Queues approved versions that have no operation yet (approved before this existed). */
  public int enqueueApproved(int limit) {
    List<VersionApproved> missing = operations.findApprovedWithoutOperation(limit);
    missing.forEach(this::enqueue);
    return missing.size();
  }

  /** Keys of operations the worker should attempt now, oldest first. */
  public List<ChainOperationKey> due(int limit) {
    return operations.findDue(clock.instant(), limit);
  }

  /**
   * Takes a due operation for one attempt and reads what the chain call needs.
   *
   * @return empty when it is not due (another worker took it), when it must wait (a version before
   *     its dataset's mint), or when it cannot be done at all (it is failed with a message)
   */
  public Optional<Work> claim(ChainOperationKey key) {
    Instant now = clock.instant();
    Optional<TokenOperation> found = operations.find(key).filter(o -> o.isDue(now));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    TokenOperation operation = found.get();
    operation.claim(now, LEASE);
    Optional<Work> work;
    try {
      work = workFor(operation, now);
    } catch (CannotTokenize e) {
      operation.failed(e.reason, e.getMessage(), Optional.empty(), now);
      LOG.warning(() -> "tokenization: " + key + " cannot be done: " + e.getMessage());
      work = Optional.empty();
    }
    operations.store(operation);
    return work;
  }

  private Optional<Work> workFor(TokenOperation operation, Instant now) {
    Dataset dataset =
        datasets
            .find(operation.dataset())
            .orElseThrow(() -> new CannotTokenize("UnknownDataset", "the dataset is gone"));
    DatasetVersion version = dataset.version(operation.version());
    if (version.state() != VersionState.APPROVED) {
      throw new CannotTokenize(
          "NotApproved", "version " + version.number() + " is " + version.state());
    }
    StoredContent stored =
        version
            .storedContent()
            .orElseThrow(
                () -> new CannotTokenize("NotStored", "the version has no stored content"));
    ContentHash hash =
        version
            .contentHash()
            .orElseThrow(() -> new CannotTokenize("NotStored", "the version has no content hash"));
    if (operation.kind() == TokenOperationKind.MINT) {
      Account owner =
          accounts
              .findBySubject(dataset.owner().value())
              .orElseThrow(
                  () ->
                      new CannotTokenize(
                          "NoWallet", "the contributor has no account, hence no wallet"));
      DatasetMint mint =
          new DatasetMint(
              owner.wallet().address(),
              stored.metadataCid(),
              stored.contentCid(),
              hash,
              dataset.license(),
              ROYALTY_BPS,
              datatokenName(dataset.title()),
              DATATOKEN_SYMBOL);
      return Optional.of(
          new Work(operation.key(), operation.kind(), Optional.of(mint), Optional.empty()));
    }
    Optional<TokenOperation> mint = operations.find(TokenOperation.mintKey(dataset.id()));
    if (mint.isEmpty() || mint.get().status() != TokenStatus.MINTED) {
      operation.postponed(
          "waiting for the dataset's DataNFT to be minted first"
              + mint.map(m -> " (the mint is " + m.status() + ")").orElse(""),
          Optional.empty(),
          now);
      return Optional.empty();
    }
    Publication publication =
        new Publication(
            mint.get().tokenId().orElseThrow(),
            mint.get().dataNft().orElseThrow(),
            stored.metadataCid(),
            stored.contentCid(),
            hash);
    return Optional.of(
        new Work(operation.key(), operation.kind(), Optional.empty(), Optional.of(publication)));
  }

  /** {@code Datamint: <title>}, cut to what a wallet shows comfortably. */
  static String datatokenName(String title) {
    String name = "Datamint: " + title.strip();
    return name.length() <= MAX_DATATOKEN_NAME
        ? name
        : name.substring(0, MAX_DATATOKEN_NAME - 1) + "…";
  }

  public void recordMinted(ChainOperationKey key, MintedDataset minted) {
    TokenOperation operation = require(key);
    operation.minted(
        minted.tokenId(), minted.dataNft(), minted.datatoken(), minted.transaction(), now());
    operations.store(operation);
    LOG.info(
        () ->
            "tokenization: "
                + key
                + " minted token "
                + minted.tokenId()
                + " in "
                + minted.transaction());
  }

  public void recordPublished(
      ChainOperationKey key, ContractAddress dataNft, PublishedVersion published) {
    TokenOperation operation = require(key);
    operation.published(
        published.tokenId(), dataNft, published.version(), published.transaction(), now());
    operations.store(operation);
    LOG.info(
        () ->
            "tokenization: "
                + key
                + " published as version "
                + published.version()
                + " of token "
                + published.tokenId());
  }

  /** The attempt could not finish; the operation stays queued and is tried again later. */
  public void recordPostponed(ChainOperationKey key, String why, Optional<TxHash> recorded) {
    TokenOperation operation = require(key);
    if (!operation.status().isPending()) {
      return;
    }
    operation.postponed(why, recorded, now());
    operations.store(operation);
    LOG.info(() -> "tokenization: " + key + " postponed: " + why);
  }

  /** The chain refused the operation; it stays failed until an admin retries it. */
  public void recordFailed(
      ChainOperationKey key, String reason, String message, Optional<TxHash> recorded) {
    TokenOperation operation = require(key);
    if (!operation.status().isPending()) {
      return;
    }
    operation.failed(reason, message, recorded, now());
    operations.store(operation);
    LOG.warning(() -> "tokenization: " + key + " failed (" + reason + "): " + message);
  }

  /**
   * Sends the dataset's failed operations back to the queue (an admin's decision, e.g. after the
   * platform's account was funded).
   *
   * @return how many were requeued
   */
  public int retry(DatasetId dataset) {
    int retried = 0;
    for (TokenOperation operation : operations.findByDataset(dataset)) {
      if (operation.status() == TokenStatus.FAILED) {
        operation.retry(now());
        operations.store(operation);
        retried++;
      }
    }
    return retried;
  }

  // --- reading ---

  /**
   * The dataset's token as {@code viewer} may see it: the owner and admins always, others once the
   * dataset is listed; empty while nothing was queued (not approved yet).
   *
   * @throws UnknownDatasetException when the viewer may not see the dataset
   */
  public Optional<DatasetToken> token(DatasetId id, ContributorId viewer, boolean admin) {
    Dataset dataset = datasets.find(id).orElseThrow(() -> new UnknownDatasetException(id));
    if (!admin && dataset.state() != DatasetState.LISTED && !dataset.isOwnedBy(viewer)) {
      throw new UnknownDatasetException(id);
    }
    return DatasetToken.of(operations.findByDataset(id));
  }

  /** The dataset's operations, the mint first. */
  public List<TokenOperation> operationsOf(DatasetId id) {
    return operations.findByDataset(id);
  }

  // --- chain events, delivered by the event indexer ---

  /**
   * Applies a confirmed event of the DataNFT contract: confirms the operation whose transaction
   * emitted it (completing it if the worker had not recorded the outcome yet, e.g. after a crash),
   * and records listing changes. Idempotent: the same event applied twice changes nothing.
   */
  public void applyConfirmed(ChainEvent event) {
    Instant now = now();
    switch (event.name()) {
      case "DatasetMinted" ->
          operations
              .findByTransaction(event.transaction())
              .filter(o -> o.kind() == TokenOperationKind.MINT)
              .ifPresent(
                  o -> {
                    if (o.status().isPending()) {
                      o.minted(
                          token(event),
                          event.contract(),
                          ContractAddress.of(event.argument("datatoken")),
                          event.transaction(),
                          now);
                    }
                    confirm(o, event, now);
                  });
      case "VersionPublished" ->
          operations
              .findByTransaction(event.transaction())
              .filter(o -> o.kind() == TokenOperationKind.PUBLISH_VERSION)
              .ifPresent(
                  o -> {
                    if (o.status().isPending()) {
                      o.published(
                          token(event),
                          event.contract(),
                          Long.parseLong(event.argument("version")),
                          event.transaction(),
                          now);
                    }
                    confirm(o, event, now);
                  });
      case "ListingStatusChanged" ->
          operations
              .findMint(event.contract(), token(event))
              .ifPresent(
                  o ->
                      ListingStatus.fromChain(event.argument("status"))
                          .ifPresent(
                              status -> {
                                o.listingChanged(status, event.blockNumber(), now);
                                operations.store(o);
                              }));
      default -> {
        // other events (transfers, purchases, rewards) belong to other flows
      }
    }
  }

  private void confirm(TokenOperation operation, ChainEvent event, Instant now) {
    if (operation.status().isDone()) {
      operation.confirmed(event.blockNumber(), now);
    }
    operations.store(operation);
  }

  /** A reorganisation took back the blocks from {@code fromBlock} on. */
  public void rollBackFrom(long fromBlock) {
    Instant now = now();
    for (TokenOperation operation : operations.findTouchedFrom(fromBlock)) {
      if (operation.rolledBack(fromBlock, now)) {
        operations.store(operation);
        LOG.warning(
            () -> "tokenization: " + operation.key() + " is checked again after a reorganisation");
      }
    }
  }

  private static DataNftId token(ChainEvent event) {
    return DataNftId.of(Long.parseLong(event.argument("datasetId")));
  }

  private TokenOperation require(ChainOperationKey key) {
    return operations
        .find(key)
        .orElseThrow(() -> new IllegalStateException("no token operation " + key));
  }

  private Instant now() {
    return clock.instant();
  }

  /** The operation can never be done as it stands; the reason is recorded as a failure. */
  private static final class CannotTokenize extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String reason;

    CannotTokenize(String reason, String message) {
      super(message);
      this.reason = reason;
    }
  }
}
