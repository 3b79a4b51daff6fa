package io.datamint.domain.application;

import io.datamint.domain.model.account.Account;
import io.datamint.domain.model.account.AccountRepository;
import io.datamint.domain.model.chain.ChainOperationKey;
import io.datamint.domain.model.chain.ContractAddress;
import io.datamint.domain.model.chain.DataNftId;
import io.datamint.domain.model.chain.DatasetTokenizer;
import io.datamint.domain.model.chain.PendingTransaction;
import io.datamint.domain.model.chain.PendingTransactionStore;
import io.datamint.domain.model.chain.TxHash;
import io.datamint.domain.model.dataset.Cid;
import io.datamint.domain.model.dataset.ContentHash;
import io.datamint.domain.model.dataset.DatasetId;
import io.datamint.domain.model.dataset.VersionState;
import io.datamint.domain.model.shared.WalletAddress;
import io.datamint.domain.model.tokenization.TokenOperation;
import io.datamint.domain.model.tokenization.TokenOperationKind;
import io.datamint.domain.model.tokenization.TokenOperationRepository;
import io.datamint.domain.model.tokenization.VersionApproved;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/** In-memory stand-ins for the tokenization's ports. */
final class TokenizationFakes {

  private TokenizationFakes() {}

  /** A clock the test moves forward. */
  static final class MovingClock extends Clock {
    Instant now;

    MovingClock(Instant start) {
      this.now = start;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  static final class Operations implements TokenOperationRepository {
    final Map<ChainOperationKey, TokenOperation> byKey = new LinkedHashMap<>();
    private final PublishingFakes.Datasets datasets;

    Operations(PublishingFakes.Datasets datasets) {
      this.datasets = datasets;
    }

    @Override
    public Optional<TokenOperation> find(ChainOperationKey key) {
      return Optional.ofNullable(byKey.get(key));
    }

    @Override
    public List<TokenOperation> findByDataset(DatasetId dataset) {
      return byKey.values().stream()
          .filter(o -> o.dataset().equals(dataset))
          .sorted(Comparator.comparingInt(TokenOperation::version))
          .toList();
    }

    @Override
    public Optional<TokenOperation> findByTransaction(TxHash hash) {
      return byKey.values().stream()
          .filter(o -> o.transaction().filter(hash::equals).isPresent())
          .findFirst();
    }

    @Override
    public Optional<TokenOperation> findMint(ContractAddress dataNft, DataNftId token) {
      return byKey.values().stream()
          .filter(o -> o.kind() == TokenOperationKind.MINT)
          .filter(o -> o.dataNft().filter(dataNft::equals).isPresent())
          .filter(o -> o.tokenId().filter(token::equals).isPresent())
          .findFirst();
    }

    @Override
    public List<ChainOperationKey> findDue(Instant now, int limit) {
      return byKey.values().stream()
          .filter(o -> o.isDue(now))
          .sorted(Comparator.comparing(TokenOperation::createdAt))
          .limit(limit)
          .map(TokenOperation::key)
          .toList();
    }

    @Override
    public List<TokenOperation> findTouchedFrom(long fromBlock) {
      return byKey.values().stream()
          .filter(
              o ->
                  o.confirmedBlock().filter(b -> b >= fromBlock).isPresent()
                      || (o.confirmedBlock().isEmpty() && o.status().isDone())
                      || o.listing().isPresent())
          .toList();
    }

    @Override
    public List<VersionApproved> findApprovedWithoutOperation(int limit) {
      List<VersionApproved> missing = new ArrayList<>();
      datasets
          .byId
          .values()
          .forEach(
              d ->
                  d.versions().stream()
                      .filter(v -> v.state() == VersionState.APPROVED)
                      .filter(
                          v ->
                              byKey.values().stream()
                                  .noneMatch(
                                      o -> o.dataset().equals(d.id()) && o.version() == v.number()))
                      .forEach(v -> missing.add(new VersionApproved(d.id(), v.number()))));
      return missing.stream().limit(limit).toList();
    }

    @Override
    public void add(TokenOperation operation) {
      if (byKey.putIfAbsent(operation.key(), operation) != null) {
        throw new IllegalStateException("duplicate key " + operation.key());
      }
    }

    @Override
    public void store(TokenOperation operation) {
      byKey.put(operation.key(), operation);
    }

    TokenOperation get(ChainOperationKey key) {
      return byKey.get(key);
    }
  }

  static final class Accounts implements AccountRepository {
    final List<Account> stored = new ArrayList<>();

    @Override
    public Optional<Account> findBySubject(String subject) {
      return stored.stream().filter(a -> a.subject().equals(subject)).findFirst();
    }

    @Override
    public List<Account> findAllByLastSignIn(int limit) {
      return List.copyOf(stored);
    }

    @Override
    public void add(Account account) {
      stored.add(account);
    }
  }

  /** The signed-transaction store, as far as the processor reads it. */
  static final class Transactions implements PendingTransactionStore {
    final Map<ChainOperationKey, PendingTransaction> byKey = new LinkedHashMap<>();

    void sent(ChainOperationKey key, TxHash hash) {
      byKey.put(
          key,
          PendingTransaction.sent(key, WalletAddress.of("0x" + "99".repeat(20)), 0, hash, "0x00"));
    }

    @Override
    public Optional<PendingTransaction> find(ChainOperationKey key) {
      return Optional.ofNullable(byKey.get(key));
    }

    @Override
    public void record(PendingTransaction transaction) {
      byKey.put(transaction.key(), transaction);
    }

    @Override
    public void update(PendingTransaction transaction) {
      byKey.put(transaction.key(), transaction);
    }

    @Override
    public OptionalLong highestNonce(WalletAddress from) {
      return OptionalLong.empty();
    }

    @Override
    public List<PendingTransaction> unfinished() {
      return List.of();
    }
  }

  /**
   * A chain that answers from a script: each call takes the next scripted behaviour (an answer or
   * an exception); with none left it mints token ids 1, 2, ... and numbers versions from 2. It
   * remembers every call, and what it did per key, like the real adapter (idempotent by key).
   */
  static final class Chain implements DatasetTokenizer {
    static final ContractAddress DATA_NFT = ContractAddress.of("0x" + "d1".repeat(20));

    final Deque<Supplier<RuntimeException>> failures = new ArrayDeque<>();
    final List<DatasetMint> mints = new ArrayList<>();
    final List<Cid> publishedMetadata = new ArrayList<>();
    final Map<ChainOperationKey, Object> done = new LinkedHashMap<>();
    private long nextToken = 1;
    private final Map<DataNftId, Long> versions = new LinkedHashMap<>();

    static TxHash tx(long n) {
      return TxHash.of(String.format("0x%064x", n));
    }

    @Override
    public MintedDataset mint(ChainOperationKey key, DatasetMint request) {
      failIfScripted();
      if (done.get(key) instanceof MintedDataset again) {
        return again;
      }
      mints.add(request);
      DataNftId token = DataNftId.of(nextToken++);
      versions.put(token, 1L);
      MintedDataset minted =
          new MintedDataset(
              token,
              DATA_NFT,
              ContractAddress.of(String.format("0x%040x", 0xd7000L + token.value())),
              tx(1000 + token.value()));
      done.put(key, minted);
      return minted;
    }

    @Override
    public PublishedVersion publishVersion(
        ChainOperationKey key, DataNftId dataset, Cid metadataCid, Cid contentCid, ContentHash h) {
      failIfScripted();
      if (done.get(key) instanceof PublishedVersion again) {
        return again;
      }
      publishedMetadata.add(metadataCid);
      long version = versions.merge(dataset, 1L, Long::sum);
      PublishedVersion published = new PublishedVersion(dataset, version, tx(2000 + done.size()));
      done.put(key, published);
      return published;
    }

    @Override
    public TxHash moderate(ChainOperationKey key, DataNftId dataset, Moderation a, String r) {
      throw new UnsupportedOperationException();
    }

    private void failIfScripted() {
      Supplier<RuntimeException> failure = failures.poll();
      if (failure != null) {
        throw failure.get();
      }
    }
  }
}
