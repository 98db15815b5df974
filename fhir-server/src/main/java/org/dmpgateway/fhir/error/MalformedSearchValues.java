package org.dmpgateway.fhir.error;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.DateParam;
import org.dmpgateway.mappings.fhir.search.SearchTokens;

import java.util.Map;
import java.util.Set;

/**
 * Refuses a search whose date or number parameter cannot be read, 400 with an OperationOutcome naming
 * the parameter (INVALID_QUERY_PARAMETER), before HAPI binds the parameters: HAPI's own parse error
 * names only the value, and was answered 500 (issue 13). The date parameters are those of the
 * DocumentReference and List searches (docs/fhir.md); a value may carry a prefix (ge2025-01-01) and
 * several values may be comma-separated.
 */
@Interceptor
public class MalformedSearchValues {
    private static final Set<String> DATES = Set.of("date", "creation", "period", "period-start", "period-end",
            "_lastUpdated");
    private static final Set<String> COUNTS = Set.of("_count", "_offset");

    @Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
    public boolean check(RequestDetails request) {
        if (request.getRestOperationType() != RestOperationTypeEnum.SEARCH_TYPE || request.getParameters() == null) {
            return true;
        }
        for (Map.Entry<String, String[]> parameter : request.getParameters().entrySet()) {
            String name = parameter.getKey();
            String base = name.contains(":") ? name.substring(0, name.indexOf(':')) : name;
            for (String value : parameter.getValue()) {
                if (DATES.contains(base)) {
                    for (String one : value.split(",", -1)) {
                        checkDate(base, one);
                    }
                } else if (COUNTS.contains(base) && !value.matches("\\d{1,9}")) {
                    throw FhirRefusal.of(SearchTokens.invalid(base, "'" + value + "' is not a non-negative integer"));
                }
            }
        }
        return true;
    }

    private static void checkDate(String parameter, String value) {
        try {
            DateParam date = new DateParam(value);
            if (date.getValue() == null) {
                throw new IllegalArgumentException("no date");
            }
        } catch (RuntimeException e) {
            throw FhirRefusal.of(SearchTokens.invalid(parameter, "'" + value + "' is not a FHIR date (YYYY, YYYY-MM, "
                    + "YYYY-MM-DD or YYYY-MM-DDThh:mm:ss with a time zone, after an optional prefix such as ge)"));
        }
    }
}
