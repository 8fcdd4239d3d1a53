package org.domainregistry.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.domainregistry.support.StoppableDatabase;
import org.domainregistry.support.TestCluster;
import org.domainregistry.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded PostgreSQL of a node started without a database (README "Running a node"). */
class EmbeddedDatabaseTest {
  @TempDir
  Path dir;

  @Test
  void aCommittedWriteSurvivesACrashOfTheServer() throws Exception {
    Path data = dir.resolve("pg");
    int port = TestCluster.freePort();
    try (EmbeddedDatabase database = EmbeddedDatabase.start(data, port)) {
      TestDatabase.execute(database.url(), "CREATE TABLE acknowledged (id int PRIMARY KEY)");
      try (Connection connection = TestDatabase.jdbc(database.url());
           Statement statement = connection.createStatement()) {
        try (ResultSet setting = statement.executeQuery("SHOW synchronous_commit")) {
          setting.next();
          assertThat(setting.getString(1)).as("an acknowledged commit is on disk").isEqualTo("on");
        }
        for (int i = 0; i < 200; i++) {
          statement.execute("INSERT INTO acknowledged VALUES (" + i + ")");
        }
      }
      StoppableDatabase.killServer(data); // a crash: no shutdown checkpoint, crash recovery next start
    }
    try (EmbeddedDatabase restarted = EmbeddedDatabase.start(data, port);
         Connection connection = TestDatabase.jdbc(restarted.url());
         Statement statement = connection.createStatement();
         ResultSet rows = statement.executeQuery("SELECT count(*) FROM acknowledged")) {
      rows.next();
      assertThat(rows.getInt(1)).as("rows committed before the crash").isEqualTo(200);
    }
  }
}
