package io.datamint.validation.worker;

import io.datamint.domain.model.validation.ItemConsensus;
import io.datamint.domain.model.validation.LabelScore;
import io.datamint.domain.model.validation.LabelerReliability;
import io.datamint.domain.model.validation.ValidationBatch;
import io.datamint.domain.model.validation.ValidationJobId;
import io.datamint.domain.model.validation.ValidationJobQueue;
import io.datamint.domain.model.validation.ValidationJobStatus;
import io.datamint.domain.model.validation.ValidationResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The application's side of the queue (tables of migration V30): enqueue a batch, read its status
 * and results. Give it the application's pooled data source.
 */
public final class PostgresValidationJobQueue implements ValidationJobQueue {

  private final DataSource dataSource;

  public PostgresValidationJobQueue(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "data source must not be null");
  }

  @Override
  public ValidationJobId enqueue(ValidationBatch batch) {
    Objects.requireNonNull(batch, "batch must not be null");
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement s =
          c.prepareStatement(
              "insert into validation_job (job_key, payload) values (?, ?::jsonb)"
                  + " on conflict (job_key) do nothing returning id")) {
        s.setString(1, batch.jobKey());
        s.setString(2, JobPayloadCodec.encode(batch));
        try (ResultSet rs = s.executeQuery()) {
          if (rs.next()) {
            return ValidationJobId.of(rs.getLong(1));
          }
        }
      }
      // Queued before (a retried request): the first job stands.
      try (PreparedStatement s =
          c.prepareStatement("select id from validation_job where job_key = ?")) {
        s.setString(1, batch.jobKey());
        try (ResultSet rs = s.executeQuery()) {
          if (!rs.next()) {
            throw new IllegalStateException("job " + batch.jobKey() + " vanished while enqueued");
          }
          return ValidationJobId.of(rs.getLong(1));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not enqueue validation job " + batch.jobKey(), e);
    }
  }

  @Override
  public Optional<ValidationJobStatus> status(ValidationJobId job) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("select status from validation_job where id = ?")) {
      s.setLong(1, job.value());
      try (ResultSet rs = s.executeQuery()) {
        return rs.next()
            ? Optional.of(ValidationJobStatus.valueOf(rs.getString(1)))
            : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not read the status of job " + job, e);
    }
  }

  @Override
  public Optional<ValidationResult> result(ValidationJobId job) {
    if (status(job).orElse(null) != ValidationJobStatus.DONE) {
      return Optional.empty();
    }
    try (Connection c = dataSource.getConnection()) {
      List<LabelScore> labels = new ArrayList<>();
      try (PreparedStatement s =
          c.prepareStatement(
              "select item_key, labeler_key, label, quality, accepted"
                  + " from validation_label_score where job_id = ?"
                  + " order by item_key, labeler_key")) {
        s.setLong(1, job.value());
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            labels.add(
                new LabelScore(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getDouble(4),
                    rs.getBoolean(5)));
          }
        }
      }
      List<ItemConsensus> items = new ArrayList<>();
      try (PreparedStatement s =
          c.prepareStatement(
              "select item_key, consensus_label, confidence from validation_item_consensus"
                  + " where job_id = ? order by item_key")) {
        s.setLong(1, job.value());
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            items.add(new ItemConsensus(rs.getString(1), rs.getString(2), rs.getDouble(3)));
          }
        }
      }
      List<LabelerReliability> labelers = new ArrayList<>();
      try (PreparedStatement s =
          c.prepareStatement(
              "select labeler_key, reliability, label_count from validation_labeler_reliability"
                  + " where job_id = ? order by labeler_key")) {
        s.setLong(1, job.value());
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            labelers.add(new LabelerReliability(rs.getString(1), rs.getDouble(2), rs.getInt(3)));
          }
        }
      }
      return Optional.of(new ValidationResult(labels, items, labelers));
    } catch (SQLException e) {
      throw new IllegalStateException("could not read the results of job " + job, e);
    }
  }
}
