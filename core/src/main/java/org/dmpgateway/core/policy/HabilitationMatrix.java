package org.dmpgateway.core.policy;

import org.dmpgateway.model.CodedValue;
import org.dmpgateway.model.query.DocumentVisibility.TypeFilter;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The DMP habilitation matrix: which profession (and specialty) may handle which document type.
 * Loaded from a semicolon-separated data file ({@code terminology/habilitation-matrix.csv} in
 * mappings/, replaceable with {@code dmp.habilitation.matrix-file}); see that file for the columns.
 * The most specific row wins (an exact typeCode beats {@code *}, then an exact specialty beats
 * {@code *}); a profession without any row may handle nothing.
 */
public final class HabilitationMatrix {
    static final String ANY = "*";

    /** One row of the matrix. */
    public record Row(String professionSystem, String profession, String specialty, String typeCode, boolean allow,
                      String source) {
        boolean appliesTo(CodedValue profession, String specialtyCode) {
            return this.profession.equals(profession.code())
                    && (profession.codeSystem() == null || professionSystem.equals(profession.codeSystem()))
                    && (ANY.equals(specialty) || specialty.equals(specialtyCode));
        }

        int specificity() {
            return (ANY.equals(typeCode) ? 0 : 2) + (ANY.equals(specialty) ? 0 : 1);
        }
    }

    private final List<Row> rows;
    private final String origin;

    private HabilitationMatrix(List<Row> rows, String origin) {
        this.rows = List.copyOf(rows);
        this.origin = origin;
    }

    /** Reads the matrix; a malformed line stops the start with its line number and the rule it breaks. */
    public static HabilitationMatrix read(InputStream in, String origin) throws IOException {
        List<Row> rows = new ArrayList<>();
        TerminologyFile.readLines(in, (number, f) -> {
            if (f.length < 5) {
                throw new IllegalStateException(origin + " line " + number + ": expected professionSystem;profession;"
                        + "specialty;typeCode;access;source, got " + f.length + " fields");
            }
            String access = f[4].strip();
            if (!access.equals("allow") && !access.equals("deny")) {
                throw new IllegalStateException(origin + " line " + number + ": access must be allow or deny, not "
                        + access);
            }
            for (int i = 0; i < 4; i++) {
                if (f[i].isBlank()) {
                    throw new IllegalStateException(origin + " line " + number + ": field " + (i + 1) + " is empty");
                }
            }
            rows.add(new Row(f[0].strip(), f[1].strip(), f[2].strip(), f[3].strip(), access.equals("allow"),
                    f.length > 5 ? f[5].strip() : ""));
        });
        return new HabilitationMatrix(rows, origin);
    }

    public List<Row> rows() {
        return rows;
    }

    public String origin() {
        return origin;
    }

    /** Whether this profession (and specialty) may handle documents of this type. */
    public boolean allows(CodedValue profession, String specialty, String typeCode) {
        return decisive(profession, specialty, typeCode).map(Row::allow).orElse(false);
    }

    /** The row that decides, if any. */
    public Optional<Row> decisive(CodedValue profession, String specialty, String typeCode) {
        return rows.stream()
                .filter(r -> r.appliesTo(profession, specialty))
                .filter(r -> ANY.equals(r.typeCode()) || r.typeCode().equals(typeCode))
                .max(Comparator.comparingInt(Row::specificity));
    }

    /**
     * The same decisions as a filter the repository applies in SQL: the default for an unlisted
     * type, and the types decided otherwise.
     */
    public TypeFilter typeFilter(CodedValue profession, String specialty) {
        boolean byDefault = allows(profession, specialty, ANY);
        Set<String> exceptions = new LinkedHashSet<>();
        for (Row r : rows) {
            if (r.appliesTo(profession, specialty) && !ANY.equals(r.typeCode())
                    && allows(profession, specialty, r.typeCode()) != byDefault) {
                exceptions.add(r.typeCode());
            }
        }
        return new TypeFilter(byDefault, List.copyOf(exceptions));
    }
}
