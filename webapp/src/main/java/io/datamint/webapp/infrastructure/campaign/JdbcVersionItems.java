package io.datamint.webapp.infrastructure.campaign;

import io.datamint.domain.model.campaign.VersionItems;
import io.datamint.domain.model.dataset.ItemId;
import io.datamint.webapp.infrastructure.persistence.DataSourceConfiguration;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Item ids of a version on PostgreSQL: the ids asked about go in as one array, and the primary key
 * of {@code dataset_item} answers, however many items the version has.
 */
@ApplicationScoped
public class JdbcVersionItems implements VersionItems {

  @Resource(lookup = DataSourceConfiguration.JNDI_NAME)
  DataSource dataSource;

  public JdbcVersionItems() {
    // for CDI
  }

  public JdbcVersionItems(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public Set<ItemId> missing(UUID versionId, Collection<ItemId> items) {
    if (items.isEmpty()) {
      return Set.of();
    }
    String sql =
        "SELECT asked.id FROM unnest(?::text[]) WITH ORDINALITY AS asked(id, n)"
            + " WHERE NOT EXISTS (SELECT 1 FROM dataset_item d"
            + "   WHERE d.version_id = ? AND d.item_id = asked.id) ORDER BY asked.n";
    try (Connection c = dataSource.getConnection();
        PreparedStatement select = c.prepareStatement(sql)) {
      select.setArray(
          1, c.createArrayOf("text", items.stream().map(ItemId::value).toArray(String[]::new)));
      select.setObject(2, versionId);
      Set<ItemId> missing = new LinkedHashSet<>();
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          missing.add(new ItemId(rs.getString(1)));
        }
      }
      return missing;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot check the items of version " + versionId, e);
    }
  }
}
