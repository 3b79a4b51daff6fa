package io.datamint.webapp.infrastructure.reward;

import io.datamint.domain.model.campaign.CampaignId;
import io.datamint.domain.model.campaign.LabelerId;
import io.datamint.domain.model.chain.ChainOperationKey;
import io.datamint.domain.model.chain.Entitlement;
import io.datamint.domain.model.chain.TokenAmount;
import io.datamint.domain.model.chain.TxHash;
import io.datamint.domain.model.reward.AcceptedLabel;
import io.datamint.domain.model.reward.Credit;
import io.datamint.domain.model.reward.PaidClaim;
import io.datamint.domain.model.reward.PayoutLedger;
import io.datamint.domain.model.reward.Settlement;
import io.datamint.domain.model.shared.WalletAddress;
import io.datamint.webapp.infrastructure.persistence.DataSourceConfiguration;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The payout ledger on PostgreSQL. Runs in the caller's (JTA) transaction through the container's
 * data source, like the task queue. What keeps it exact lives in the schema: a credit's primary key
 * is its label, a payment's is (transaction, campaign, wallet), at most one PENDING settlement per
 * campaign; {@link #lock} takes the campaign's row lock so that crediting and snapshots of one
 * campaign never interleave, across instances too.
 */
@ApplicationScoped
public class JdbcPayoutLedger implements PayoutLedger {

  /** A label is owed a credit when accepted, regular and not credited yet. */
  private static final String UNCREDITED =
      " FROM campaign_label l WHERE l.status = 'ACCEPTED' AND NOT l.gold"
          + " AND NOT EXISTS (SELECT 1 FROM reward_credit c WHERE c.label_id = l.lease_id)";

  @Resource(lookup = DataSourceConfiguration.JNDI_NAME)
  DataSource dataSource;

  // --- credits ---

  @Override
  public List<CampaignId> campaignsWithUncreditedLabels(int limit) {
    return campaignIds("SELECT DISTINCT l.campaign_id" + UNCREDITED + " LIMIT ?", limit);
  }

  @Override
  public void lock(CampaignId campaign) {
    query("SELECT id FROM campaign WHERE id = ? FOR UPDATE", rs -> null, campaign.value());
  }

  @Override
  public List<AcceptedLabel> uncreditedLabels(CampaignId campaign, int limit) {
    // labels of someone without an account (no wallet) wait until the account exists
    return query(
        "SELECT l.lease_id, l.labeler_id, a.wallet_address FROM campaign_label l"
            + " JOIN account a ON a.subject = l.labeler_id"
            + " WHERE l.status = 'ACCEPTED' AND NOT l.gold AND l.campaign_id = ?"
            + " AND NOT EXISTS (SELECT 1 FROM reward_credit c WHERE c.label_id = l.lease_id)"
            + " ORDER BY l.submitted_at, l.lease_id LIMIT ?",
        rs -> {
          List<AcceptedLabel> labels = new ArrayList<>();
          while (rs.next()) {
            labels.add(
                new AcceptedLabel(
                    rs.getObject(1, UUID.class),
                    campaign,
                    new LabelerId(rs.getString(2)),
                    WalletAddress.of(rs.getString(3))));
          }
          return labels;
        },
        campaign.value(),
        limit);
  }

  @Override
  public TokenAmount credited(CampaignId campaign) {
    return amount(
        "SELECT coalesce(sum(amount_units), 0) FROM reward_credit WHERE campaign_id = ?",
        campaign.value());
  }

  @Override
  public void add(List<Credit> credits) {
    Instant now = Instant.now();
    try (Connection c = dataSource.getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO reward_credit (label_id, campaign_id, labeler_id, wallet,"
                    + " amount_units, budget_spent, credited_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (label_id) DO NOTHING")) {
      for (Credit credit : credits) {
        insert.setObject(1, credit.label().label());
        insert.setObject(2, credit.label().campaign().value());
        insert.setString(3, credit.label().labeler().value());
        insert.setString(4, credit.label().wallet().value());
        insert.setBigDecimal(5, new BigDecimal(credit.amount().units()));
        insert.setBoolean(6, credit.budgetSpent());
        insert.setTimestamp(7, Timestamp.from(now));
        insert.addBatch();
      }
      insert.executeBatch();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot store credits", e);
    }
  }

  @Override
  public long creditCount(CampaignId campaign) {
    return count(
        "SELECT count(*) FROM reward_credit WHERE campaign_id = ? AND NOT budget_spent",
        campaign.value());
  }

  @Override
  public Map<WalletAddress, TokenAmount> entitlements(CampaignId campaign) {
    return query(
        "SELECT wallet, sum(amount_units) FROM reward_credit WHERE campaign_id = ?"
            + " GROUP BY wallet ORDER BY wallet",
        rs -> {
          Map<WalletAddress, TokenAmount> entitlements = new LinkedHashMap<>();
          while (rs.next()) {
            entitlements.put(WalletAddress.of(rs.getString(1)), units(rs.getBigDecimal(2)));
          }
          return entitlements;
        },
        campaign.value());
  }

  @Override
  public long unsettledLabels(CampaignId campaign) {
    long pending =
        count(
            "SELECT count(*) FROM campaign_label WHERE campaign_id = ? AND NOT gold"
                + " AND status = 'PENDING'",
            campaign.value());
    long uncredited =
        count("SELECT count(*)" + UNCREDITED + " AND campaign_id = ?", campaign.value());
    long covered =
        count(
            "SELECT coalesce(max(credit_count), 0) FROM reward_settlement"
                + " WHERE campaign_id = ? AND status = 'POSTED'",
            campaign.value());
    return pending + uncredited + Math.max(0, creditCount(campaign) - covered);
  }

  // --- settlements ---

  @Override
  public List<CampaignId> campaignsToSettle(int limit) {
    return campaignIds(
        "SELECT c.id FROM campaign c"
            + " WHERE EXISTS (SELECT 1 FROM campaign_operation o WHERE o.campaign_id = c.id"
            + "   AND o.kind = 'OPEN' AND o.status = 'DONE')"
            + " AND NOT EXISTS (SELECT 1 FROM campaign_operation o WHERE o.campaign_id = c.id"
            + "   AND o.kind = 'REFUND' AND o.status IN ('SUBMITTED', 'DONE'))"
            + " AND NOT EXISTS (SELECT 1 FROM campaign_operation o WHERE o.campaign_id = c.id"
            + "   AND o.kind = 'CLAIM' AND o.status IN ('QUEUED', 'SUBMITTED'))"
            + " AND (SELECT count(*) FROM reward_credit r WHERE r.campaign_id = c.id"
            + "   AND NOT r.budget_spent)"
            + "   > coalesce((SELECT max(s.credit_count) FROM reward_settlement s"
            + "     WHERE s.campaign_id = c.id), 0)"
            + " ORDER BY c.created_at LIMIT ?",
        limit);
  }

  @Override
  public Optional<Settlement> latestSettlement(CampaignId campaign) {
    return settlementWhere("campaign_id = ? ORDER BY epoch DESC LIMIT 1", campaign.value());
  }

  @Override
  public Optional<Settlement> latestPostedSettlement(CampaignId campaign) {
    return settlementWhere(
        "campaign_id = ? AND status = 'POSTED' ORDER BY epoch DESC LIMIT 1", campaign.value());
  }

  @Override
  public Optional<Settlement> settlement(CampaignId campaign, int epoch) {
    return settlementWhere("campaign_id = ? AND epoch = ?", campaign.value(), epoch);
  }

  @Override
  public void add(Settlement settlement) {
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement insert =
          c.prepareStatement(
              "INSERT INTO reward_settlement (campaign_id, epoch, credit_count, total_units,"
                  + " status, created_at) VALUES (?, ?, ?, ?, 'PENDING', ?)")) {
        insert.setObject(1, settlement.campaign().value());
        insert.setInt(2, settlement.epoch());
        insert.setLong(3, settlement.creditCount());
        insert.setBigDecimal(4, new BigDecimal(settlement.total().units()));
        insert.setTimestamp(5, Timestamp.from(settlement.createdAt()));
        insert.executeUpdate();
      }
      try (PreparedStatement leaf =
          c.prepareStatement(
              "INSERT INTO reward_settlement_leaf (campaign_id, epoch, wallet, cumulative_units)"
                  + " VALUES (?, ?, ?, ?)")) {
        for (Entitlement e : settlement.leaves()) {
          leaf.setObject(1, settlement.campaign().value());
          leaf.setInt(2, settlement.epoch());
          leaf.setString(3, e.labeler().value());
          leaf.setBigDecimal(4, new BigDecimal(e.cumulative().units()));
          leaf.addBatch();
        }
        leaf.executeBatch();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot store settlement " + settlement.epoch(), e);
    }
  }

  @Override
  public void settlementPosted(
      CampaignId campaign, int epoch, String merkleRoot, TxHash transaction, Instant at) {
    update(
        "UPDATE reward_settlement SET status = 'POSTED', merkle_root = ?, transaction_hash = ?,"
            + " posted_at = ? WHERE campaign_id = ? AND epoch = ? AND status = 'PENDING'",
        merkleRoot,
        transaction.value(),
        Timestamp.from(at),
        campaign.value(),
        epoch);
  }

  // --- payments ---

  @Override
  public boolean record(PaidClaim claim) {
    int added =
        update(
            "INSERT INTO reward_payment (transaction_hash, campaign_id, wallet, amount_units,"
                + " cumulative_units, block_number, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (transaction_hash, campaign_id, wallet) DO NOTHING",
            claim.transaction().value(),
            claim.campaign().value(),
            claim.wallet().value(),
            new BigDecimal(claim.amount().units()),
            new BigDecimal(claim.cumulative().units()),
            claim.block().map(b -> (Object) b).orElse(NO_BLOCK),
            Timestamp.from(Instant.now()));
    if (added == 0 && claim.block().isPresent()) {
      // seen in the receipt first: the event adds its block, so a reorganisation can undo it
      update(
          "UPDATE reward_payment SET block_number = ? WHERE transaction_hash = ?"
              + " AND campaign_id = ? AND wallet = ? AND block_number IS NULL",
          claim.block().get(),
          claim.transaction().value(),
          claim.campaign().value(),
          claim.wallet().value());
    }
    return added > 0;
  }

  @Override
  public TokenAmount claimed(CampaignId campaign, WalletAddress wallet) {
    return amount(
        "SELECT coalesce(max(cumulative_units), 0) FROM reward_payment"
            + " WHERE campaign_id = ? AND wallet = ?",
        campaign.value(),
        wallet.value());
  }

  @Override
  public List<TxHash> claimTransactions(CampaignId campaign, WalletAddress wallet) {
    return query(
        "SELECT transaction_hash FROM reward_payment WHERE campaign_id = ? AND wallet = ?"
            + " ORDER BY cumulative_units",
        rs -> {
          List<TxHash> hashes = new ArrayList<>();
          while (rs.next()) {
            hashes.add(TxHash.of(rs.getString(1)));
          }
          return hashes;
        },
        campaign.value(),
        wallet.value());
  }

  @Override
  public int forgetPaymentsFrom(long fromBlock) {
    return update("DELETE FROM reward_payment WHERE block_number >= ?", fromBlock);
  }

  // --- reading ---

  @Override
  public List<CampaignId> campaignsOf(WalletAddress wallet) {
    return campaignIds(
        "SELECT c.id FROM campaign c WHERE EXISTS (SELECT 1 FROM reward_credit r"
            + " WHERE r.campaign_id = c.id AND r.wallet = ?) OR EXISTS (SELECT 1 FROM"
            + " reward_payment p WHERE p.campaign_id = c.id AND p.wallet = ?)"
            + " ORDER BY c.created_at DESC",
        wallet.value(),
        wallet.value());
  }

  @Override
  public long unpaidLabels(CampaignId campaign, WalletAddress wallet) {
    return count(
        "SELECT count(*) FROM reward_credit WHERE campaign_id = ? AND wallet = ? AND budget_spent",
        campaign.value(),
        wallet.value());
  }

  @Override
  public Optional<ChainOperationKey> operationOf(TxHash hash) {
    return query(
        "SELECT operation_key FROM chain_transaction WHERE tx_hash = ?",
        rs -> rs.next() ? Optional.of(new ChainOperationKey(rs.getString(1))) : Optional.empty(),
        hash.value());
  }

  // --- helpers ---

  private Optional<Settlement> settlementWhere(String where, Object... args) {
    return query(
        "SELECT campaign_id, epoch, credit_count, status, merkle_root, transaction_hash,"
            + " created_at FROM reward_settlement WHERE "
            + where,
        rs -> {
          if (!rs.next()) {
            return Optional.<Settlement>empty();
          }
          CampaignId campaign = new CampaignId(rs.getObject(1, UUID.class));
          int epoch = rs.getInt(2);
          long credits = rs.getLong(3);
          Settlement.Status status = Settlement.Status.valueOf(rs.getString(4));
          Optional<String> root = Optional.ofNullable(rs.getString(5));
          Optional<TxHash> tx = Optional.ofNullable(rs.getString(6)).map(TxHash::of);
          Instant created = rs.getTimestamp(7).toInstant();
          return Optional.of(
              new Settlement(
                  campaign, epoch, leaves(campaign, epoch), credits, status, root, tx, created));
        },
        args);
  }

  private List<Entitlement> leaves(CampaignId campaign, int epoch) {
    return query(
        "SELECT wallet, cumulative_units FROM reward_settlement_leaf"
            + " WHERE campaign_id = ? AND epoch = ? ORDER BY wallet",
        rs -> {
          List<Entitlement> leaves = new ArrayList<>();
          while (rs.next()) {
            leaves.add(
                new Entitlement(WalletAddress.of(rs.getString(1)), units(rs.getBigDecimal(2))));
          }
          return leaves;
        },
        campaign.value(),
        epoch);
  }

  private static TokenAmount units(BigDecimal value) {
    return TokenAmount.ofUnits(value.toBigIntegerExact());
  }

  private List<CampaignId> campaignIds(String sql, Object... args) {
    return query(
        sql,
        rs -> {
          List<CampaignId> ids = new ArrayList<>();
          while (rs.next()) {
            ids.add(new CampaignId(rs.getObject(1, UUID.class)));
          }
          return ids;
        },
        args);
  }

  private long count(String sql, Object... args) {
    return query(sql, rs -> rs.next() ? rs.getLong(1) : 0L, args);
  }

  private TokenAmount amount(String sql, Object... args) {
    return query(sql, rs -> rs.next() ? units(rs.getBigDecimal(1)) : TokenAmount.ZERO, args);
  }

  private interface Rows<T> {
    T read(ResultSet rs) throws SQLException;
  }

  private <T> T query(String sql, Rows<T> rows, Object... args) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select = c.prepareStatement(sql)) {
      bind(select, args);
      try (ResultSet rs = select.executeQuery()) {
        return rows.read(rs);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("payout ledger: " + e.getMessage(), e);
    }
  }

  private int update(String sql, Object... args) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement update = c.prepareStatement(sql)) {
      bind(update, args);
      return update.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("payout ledger: " + e.getMessage(), e);
    }
  }

  /** A null block number, typed for the driver. */
  private static final Object NO_BLOCK = new Object();

  private static void bind(PreparedStatement statement, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      if (args[i] == NO_BLOCK) {
        statement.setNull(i + 1, Types.BIGINT);
      } else {
        statement.setObject(i + 1, args[i]);
      }
    }
  }
}
