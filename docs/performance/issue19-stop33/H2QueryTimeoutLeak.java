import java.sql.*;
public class T {
  public static void main(String[] a) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:h2:mem:t")) {
      try (Statement s = c.createStatement()) { s.setQueryTimeout(1); s.execute("SELECT 1"); }
      long t0 = System.nanoTime();
      try (Statement s2 = c.createStatement(); ResultSet r = s2.executeQuery("SELECT COUNT(*) FROM SYSTEM_RANGE(1, 300000000) x, SYSTEM_RANGE(1,2) y")) {
        r.next(); System.out.println("done " + r.getLong(1));
      } catch (SQLException e) { System.out.println("second statement: " + e.getMessage().split("\n")[0]); }
      System.out.println("after " + (System.nanoTime() - t0) / 1_000_000 + " ms");
      try (Statement s3 = c.createStatement(); ResultSet r = s3.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'QUERY_TIMEOUT'")) {
        while (r.next()) System.out.println("QUERY_TIMEOUT " + r.getString(1));
      }
    }
  }
}
