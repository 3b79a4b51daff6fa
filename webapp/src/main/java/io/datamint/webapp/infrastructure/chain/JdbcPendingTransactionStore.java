package io.datamint.webapp.infrastructure.chain;

import io.datamint.domain.model.chain.ChainOperationKey;
import io.datamint.domain.model.chain.PendingTransaction;
import io.datamint.domain.model.chain.PendingTransactionStore;
import io.datamint.domain.model.chain.TxHash;
import io.datamint.domain.model.shared.WalletAddress;
import io.datamint.webapp.infrastructure.persistence.DataSourceConfiguration;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;

/**
 * Signed transactions in {@code chain_transaction}. Every method runs in a transaction of its own
 * ({@code REQUIRES_NEW}), committed when it returns: the sender broadcasts right after {@link
 * #record}, so the record must be durable by then even when a caller has a transaction open.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class JdbcPendingTransactionStore implements PendingTransactionStore {

  private static final String COLUMNS =
      "operation_key, sender, nonce, tx_hash, signed_transaction, status, failure";

  @Resource(lookup = DataSourceConfiguration.JNDI_NAME)
  DataSource dataSource;

  @Override
  public Optional<PendingTransaction> find(ChainOperationKey key) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT " + COLUMNS + " FROM chain_transaction WHERE operation_key = ?")) {
      select.setString(1, key.value());
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  @Override
  public void record(PendingTransaction transaction) {
    // A new key is inserted; a retryable one (FAILED, REJECTED) is replaced by the new attempt;
    // any other is left alone, and the zero row count says so.
    String sql =
        "INSERT INTO chain_transaction ("
            + COLUMNS
            + ", recorded_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, now(), now())"
            + " ON CONFLICT (operation_key) DO UPDATE SET sender = EXCLUDED.sender,"
            + " nonce = EXCLUDED.nonce, tx_hash = EXCLUDED.tx_hash,"
            + " signed_transaction = EXCLUDED.signed_transaction, status = EXCLUDED.status,"
            + " failure = EXCLUDED.failure, recorded_at = now(), updated_at = now()"
            + " WHERE chain_transaction.status IN ('FAILED', 'REJECTED')";
    try (Connection c = dataSource.getConnection();
        PreparedStatement insert = c.prepareStatement(sql)) {
      insert.setString(1, transaction.key().value());
      insert.setString(2, transaction.from().value());
      insert.setLong(3, transaction.nonce());
      insert.setString(4, transaction.hash().value());
      insert.setString(5, transaction.signedTransaction());
      insert.setString(6, transaction.status().name());
      insert.setString(7, transaction.failure().orElse(null));
      if (insert.executeUpdate() == 0) {
        throw new IllegalStateException(
            "operation "
                + transaction.key()
                + " already has a transaction that is not finished or succeeded");
      }
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  @Override
  public void update(PendingTransaction transaction) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement update =
            c.prepareStatement(
                "UPDATE chain_transaction SET status = ?, failure = ?, updated_at = now()"
                    + " WHERE operation_key = ? AND tx_hash = ?")) {
      update.setString(1, transaction.status().name());
      update.setString(
          2, transaction.failure().map(JdbcPendingTransactionStore::clip).orElse(null));
      update.setString(3, transaction.key().value());
      update.setString(4, transaction.hash().value());
      if (update.executeUpdate() == 0) {
        throw new IllegalStateException(
            "no transaction " + transaction.hash() + " recorded for " + transaction.key());
      }
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  @Override
  public OptionalLong highestNonce(WalletAddress from) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT max(nonce) FROM chain_transaction WHERE sender = ? AND status <> 'REJECTED'")) {
      select.setString(1, from.value());
      try (ResultSet rs = select.executeQuery()) {
        rs.next();
        long nonce = rs.getLong(1);
        return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(nonce);
      }
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  @Override
  public List<PendingTransaction> unfinished() {
    List<PendingTransaction> result = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT "
                    + COLUMNS
                    + " FROM chain_transaction WHERE status = 'SENT' ORDER BY recorded_at, nonce");
        ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        result.add(read(rs));
      }
    } catch (SQLException e) {
      throw failure(e);
    }
    return result;
  }

  private static PendingTransaction read(ResultSet rs) throws SQLException {
    return new PendingTransaction(
        new ChainOperationKey(rs.getString("operation_key")),
        WalletAddress.of(rs.getString("sender")),
        rs.getLong("nonce"),
        TxHash.of(rs.getString("tx_hash")),
        rs.getString("signed_transaction"),
        PendingTransaction.Status.valueOf(rs.getString("status")),
        Optional.ofNullable(rs.getString("failure")));
  }

  private static String clip(String text) {
    return text.length() <= 4000 ? text : text.substring(0, 3999) + "…";
  }

  private static IllegalStateException failure(SQLException e) {
    return new IllegalStateException("pending transactions: " + e.getMessage(), e);
  }
}
