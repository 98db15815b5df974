package org.dmpgateway.core.record;

import org.apache.camel.Body;
import org.apache.camel.Header;
import org.dmpgateway.core.policy.AccessPolicy;
import org.dmpgateway.model.CoreEndpoints;
import org.dmpgateway.model.PatientRecord;
import org.dmpgateway.model.PatientRecordState;
import org.dmpgateway.model.access.AccessContext;
import org.dmpgateway.model.access.PatientMatch;
import org.dmpgateway.model.access.PatientSearch;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.repository.PatientRecordRepository;
import org.springframework.stereotype.Component;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * TD0.5 "Recherche d'un patient dans le DMP sans INS" (PDQv3 {@code PRPA_IN201305UV02}): which records a
 * professional finds by demographics (docs/dmp-admin-services.md, TD0.5).
 * <ul>
 *   <li>Who: a professional (an identity, not the patient side); he need not be authorised on the records
 *   found (that is what the search is for: the official example's VIHF names another patient than the one
 *   found), but a record that blocks him is never found.</li>
 *   <li>Criteria: the family name is required (the official example sends it alone); it matches the
 *   record's family name or its birth name (the example finds Mme ENCHAINE by her birth name DECHAINE).
 *   Given name, birth date and gender narrow the search. Names are compared whole, letter case, accents
 *   and repeated spaces ignored (INS identity traits are upper case without accents); the given name
 *   matches the record's given names or one of them. Every match is exact: 100 percent.</li>
 *   <li>Records: only the open ones (CREATED, ACTIVATED); a record closed, opposed or not yet created
 *   (NOTIFIED) is not found.</li>
 *   <li>At most {@value #MAX_RESULTS} patients ("au maximum 10 patients (limitation du DMP)", MagicDMP,
 *   second-hand): beyond, TOO_MANY_RESULTS asking for more criteria (the DMP's WSDL has no continuation).</li>
 * </ul>
 * Not traced in the records' histories: the search reads no document (as TD0.4); a refusal is traced as QUERY.
 */
@Component
public class SearchPatientsWithoutIns {
    /** The DMP's limit on the patients one search answers (MagicDMP: "au maximum 10 patients"). */
    public static final int MAX_RESULTS = 10;
    /** Same-named records read before the criteria that narrow are applied. */
    static final int SCAN_LIMIT = 1000;
    private static final Set<PatientRecordState> FOUND = Set.of(PatientRecordState.CREATED, PatientRecordState.ACTIVATED);

    private final AccessPolicy policy;
    private final PatientRecordRepository records;

    public SearchPatientsWithoutIns(AccessPolicy policy, PatientRecordRepository records) {
        this.policy = policy;
        this.records = records;
    }

    public List<PatientMatch> search(@Body PatientSearch search,
                                     @Header(CoreEndpoints.ACCESS_CONTEXT) AccessContext caller) {
        policy.admitProfessional(caller);
        String family = search == null ? null : normalized(search.familyName());
        if (family == null) {
            throw new DmpException(DmpErrorCode.METADATA_ERROR, "familyName: a search without INS needs at least the "
                    + "patient's family name (used or birth name)", "familyName");
        }
        String given = normalized(search.givenName());
        String gender = search.gender() == null || search.gender().isBlank() ? null
                : search.gender().trim().toUpperCase(Locale.ROOT);
        List<PatientRecord> named = records.findPatientsNamed(family, FOUND, SCAN_LIMIT);
        List<PatientMatch> found = new ArrayList<>();
        for (PatientRecord r : named) {
            boolean matches = (given == null || givenNameMatches(r.givenName(), given))
                    && (search.birthDate() == null || search.birthDate().equals(r.birthDate()))
                    && (gender == null || gender.equalsIgnoreCase(r.gender()))
                    && records.findConsent(r.ins(), caller.actorId()).map(c -> !c.isBlocked()).orElse(true);
            if (matches) {
                found.add(new PatientMatch(r, 100));
            }
        }
        if (found.size() > MAX_RESULTS || named.size() >= SCAN_LIMIT) {
            throw new DmpException(DmpErrorCode.TOO_MANY_RESULTS, "the search matches more than " + MAX_RESULTS
                    + " patients: give more criteria (given name, birth date, gender)", "parameterList");
        }
        return found;
    }

    /** The record's given names ("IRENE MARIE") match the one searched whole, or one of them. */
    static boolean givenNameMatches(String recordGiven, String searched) {
        String names = normalized(recordGiven);
        return names != null && (names.equals(searched) || Arrays.asList(names.split("[ ,]+")).contains(searched));
    }

    /** Upper case, without accents, spaces trimmed and single; null when blank. */
    static String normalized(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .trim().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    }
}
