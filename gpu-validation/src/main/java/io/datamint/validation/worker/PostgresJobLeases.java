package io.datamint.validation.worker;

import io.datamint.domain.model.validation.ItemConsensus;
import io.datamint.domain.model.validation.LabelScore;
import io.datamint.domain.model.validation.LabelerReliability;
import io.datamint.domain.model.validation.ValidationJobId;
import io.datamint.domain.model.validation.ValidationResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The workers' side of the queue. A job is leased for a while; a worker that dies simply stops
 * renewing, its lease runs out and the next claim takes the job again. Every write is fenced by the
 * lease's attempt number, and the results go in with the DONE mark in one transaction under primary
 * keys per job, so a job's results are written exactly once whatever crashes or retries.
 */
public final class PostgresJobLeases {

  private final DataSource dataSource;

  public PostgresJobLeases(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "data source must not be null");
  }

  /**
   * Leases the oldest job that is ready (pending, or running under an expired lease), skipping rows
   * other workers hold locked, or returns empty when none is ready.
   */
  public Optional<JobLease> claim(String workerId, Duration lease) {
    while (true) {
      Claim claim = claimRow(workerId, lease);
      if (claim == null) {
        return Optional.empty();
      }
      try {
        return Optional.of(
            new JobLease(
                claim.job(),
                claim.attempt(),
                claim.jobKey(),
                JobPayloadCodec.decode(claim.jobKey(), claim.payload())));
      } catch (IllegalArgumentException unreadable) {
        // No retry can make a broken payload readable: fail it now rather than let it circulate.
        failForGood(claim, "unreadable payload: " + unreadable.getMessage());
      }
    }
  }

  private record Claim(ValidationJobId job, int attempt, String jobKey, String payload) {}

  private Claim claimRow(String workerId, Duration lease) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        // A job that keeps killing its workers must not circulate forever.
        try (PreparedStatement s =
            c.prepareStatement(
                "update validation_job set status = 'FAILED', finished_at = now(),"
                    + " lease_until = null,"
                    + " last_error = coalesce(last_error || '; ', '') || 'lease of '"
                    + " || coalesce(leased_by, '?') || ' expired on the last attempt'"
                    + " where status = 'RUNNING' and lease_until < now()"
                    + " and attempts >= max_attempts")) {
          s.executeUpdate();
        }
        Claim claimed = null;
        try (PreparedStatement s =
            c.prepareStatement(
                "update validation_job j set status = 'RUNNING', leased_by = ?,"
                    + " lease_until = now() + make_interval(secs => ?),"
                    + " attempts = j.attempts + 1"
                    + " where j.id = ("
                    + "   select id from validation_job"
                    + "   where (status = 'PENDING' and available_at <= now())"
                    + "      or (status = 'RUNNING' and lease_until < now())"
                    + "   order by id"
                    + "   limit 1"
                    + "   for update skip locked)"
                    + " returning j.id, j.attempts, j.job_key, j.payload::text")) {
          s.setString(1, workerId);
          s.setDouble(2, lease.toMillis() / 1000.0);
          try (ResultSet rs = s.executeQuery()) {
            if (rs.next()) {
              claimed =
                  new Claim(
                      ValidationJobId.of(rs.getLong(1)),
                      rs.getInt(2),
                      rs.getString(3),
                      rs.getString(4));
            }
          }
        }
        c.commit();
        return claimed;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not claim a validation job", e);
    }
  }

  private void failForGood(Claim claim, String error) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "update validation_job set status = 'FAILED', finished_at = now(),"
                    + " leased_by = null, lease_until = null, last_error = ?"
                    + " where id = ? and attempts = ? and status = 'RUNNING'")) {
      s.setString(1, error);
      s.setLong(2, claim.job().value());
      s.setInt(3, claim.attempt());
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("could not fail job " + claim.job(), e);
    }
  }

  /** Extends the lease; false when it is no longer ours (expired and taken, or finished). */
  public boolean renew(JobLease lease, Duration extension) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "update validation_job set lease_until = now() + make_interval(secs => ?)"
                    + " where id = ? and attempts = ? and status = 'RUNNING'")) {
      s.setDouble(1, extension.toMillis() / 1000.0);
      s.setLong(2, lease.job().value());
      s.setInt(3, lease.attempt());
      return s.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new IllegalStateException("could not renew the lease of job " + lease.job(), e);
    }
  }

  /**
   * Stores the results and marks the job DONE, atomically. Returns false, writing nothing, when the
   * lease is no longer ours.
   */
  public boolean complete(JobLease lease, ValidationResult result) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        if (!holdsLease(c, lease)) {
          c.rollback();
          return false;
        }
        insertResults(c, lease.job().value(), result);
        try (PreparedStatement s =
            c.prepareStatement(
                "update validation_job set status = 'DONE', finished_at = now(),"
                    + " lease_until = null, last_error = null where id = ?")) {
          s.setLong(1, lease.job().value());
          s.executeUpdate();
        }
        c.commit();
        return true;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not store the results of job " + lease.job(), e);
    }
  }

  /**
   * Gives the job back after a failure: pending again after {@code retryAfter}, or FAILED once it
   * has used its attempts. No effect when the lease is no longer ours.
   */
  public void release(JobLease lease, String error, Duration retryAfter) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "update validation_job set"
                    + " status = case when attempts >= max_attempts then 'FAILED' else 'PENDING' end,"
                    + " finished_at = case when attempts >= max_attempts then now() end,"
                    + " available_at = now() + make_interval(secs => ?),"
                    + " leased_by = null, lease_until = null, last_error = ?"
                    + " where id = ? and attempts = ? and status = 'RUNNING'")) {
      s.setDouble(1, retryAfter.toMillis() / 1000.0);
      s.setString(2, error);
      s.setLong(3, lease.job().value());
      s.setInt(4, lease.attempt());
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("could not release job " + lease.job(), e);
    }
  }

  /** Locks the job row and checks it is still running under this very lease. */
  private static boolean holdsLease(Connection c, JobLease lease) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("select status, attempts from validation_job where id = ? for update")) {
      s.setLong(1, lease.job().value());
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() && "RUNNING".equals(rs.getString(1)) && rs.getInt(2) == lease.attempt();
      }
    }
  }

  private static void insertResults(Connection c, long job, ValidationResult result)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "insert into validation_label_score"
                + " (job_id, item_key, labeler_key, label, quality, accepted)"
                + " values (?, ?, ?, ?, ?, ?)")) {
      for (LabelScore l : result.labels()) {
        s.setLong(1, job);
        s.setString(2, l.itemKey());
        s.setString(3, l.labelerKey());
        s.setString(4, l.label());
        s.setDouble(5, l.quality());
        s.setBoolean(6, l.accepted());
        s.addBatch();
      }
      s.executeBatch();
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "insert into validation_item_consensus (job_id, item_key, consensus_label, confidence)"
                + " values (?, ?, ?, ?)")) {
      for (ItemConsensus i : result.items()) {
        s.setLong(1, job);
        s.setString(2, i.itemKey());
        s.setString(3, i.consensusLabel());
        s.setDouble(4, i.confidence());
        s.addBatch();
      }
      s.executeBatch();
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "insert into validation_labeler_reliability"
                + " (job_id, labeler_key, reliability, label_count) values (?, ?, ?, ?)")) {
      for (LabelerReliability r : result.labelers()) {
        s.setLong(1, job);
        s.setString(2, r.labelerKey());
        s.setDouble(3, r.reliability());
        s.setInt(4, r.labelCount());
        s.addBatch();
      }
      s.executeBatch();
    }
  }
}
