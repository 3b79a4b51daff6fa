package io.datamint.webapp.infrastructure.persistence;

import io.datamint.domain.model.validation.JobRequester;
import io.datamint.domain.model.validation.ValidationJobId;
import io.datamint.domain.model.validation.ValidationJobRequests;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Requesters of validation jobs in {@code validation_job_request} (migration V35). Connections come
 * from the container's data source, so inside the service's transaction the record commits with the
 * job it names.
 */
@ApplicationScoped
public class JdbcValidationJobRequests implements ValidationJobRequests {

  @Resource(lookup = DataSourceConfiguration.JNDI_NAME)
  DataSource dataSource;

  @Override
  public void record(ValidationJobId job, JobRequester requester) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO validation_job_request (job_id, requester) VALUES (?, ?)"
                    + " ON CONFLICT (job_id) DO NOTHING")) {
      s.setLong(1, job.value());
      s.setString(2, requester.subject());
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("could not record the requester of job " + job, e);
    }
  }

  @Override
  public Optional<JobRequester> requesterOf(ValidationJobId job) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT requester FROM validation_job_request WHERE job_id = ?")) {
      s.setLong(1, job.value());
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(new JobRequester(rs.getString(1))) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not read the requester of job " + job, e);
    }
  }
}
