import java.sql.*;
import java.util.*;
public class H {
  public static void main(String[] a) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:h2:file:/work/perf/w1m-h2/h2/dmp-gateway;ACCESS_MODE_DATA=r", "sa", "")) {
      List<String> sets = new ArrayList<>();
      try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT entry_uuid FROM submission_set WHERE patient_id = (SELECT patient_id FROM document_entry GROUP BY patient_id HAVING COUNT(*) = 100 LIMIT 1 OFFSET 3)")) {
        while (r.next()) sets.add(r.getString(1));
      }
      String hm = "urn:oasis:names:tc:ebxml-regrep:AssociationType:HasMember";
      Object[][] variants = {
        {"any5+type", "SELECT a.* FROM association a WHERE a.source_uuid = ANY(?) AND a.association_type = ? ORDER BY a.id", sets.subList(0, 5).toArray(new String[0]), new String[] {hm}},
        {"anyAll+types2", "SELECT a.* FROM association a WHERE a.source_uuid = ANY(?) AND a.association_type IN (?, ?) ORDER BY a.id", sets.toArray(new String[0]), new String[] {hm, "urn:x"}},
        {"anyAll+typeAny", "SELECT a.* FROM association a WHERE a.source_uuid = ANY(?) AND a.association_type = ANY(?) ORDER BY a.id", sets.toArray(new String[0]), new String[][] {{hm}}},
        {"type+anyAll", "SELECT a.* FROM association a WHERE a.association_type = ? AND a.source_uuid = ANY(?) ORDER BY a.id", null, null},
      };
      for (Object[] v : variants) {
        try (PreparedStatement p = c.prepareStatement((String) v[1])) {
          if (v[2] == null) { p.setString(1, hm); p.setObject(2, sets.toArray(new String[0])); }
          else {
            p.setObject(1, v[2]);
            Object[] rest = (Object[]) v[3];
            for (int i = 0; i < rest.length; i++) p.setObject(2 + i, rest[i]);
          }
          long t0 = System.nanoTime(); int rows = 0;
          try (ResultSet r = p.executeQuery()) { while (r.next()) rows++; }
          System.out.println(v[0] + ": " + rows + " rows, " + (System.nanoTime() - t0) / 1_000 / 1000.0 + " ms");
        }
      }
    }
  }
}
