package org.dmpgateway.core.query;

import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.error.DmpErrorCode;
import org.dmpgateway.model.error.DmpException;
import org.dmpgateway.model.query.DocumentCriteria;
import org.dmpgateway.model.query.FolderCriteria;
import org.dmpgateway.model.query.RegistryQuery;
import org.dmpgateway.model.query.Selection;
import org.dmpgateway.model.query.SubmissionSetCriteria;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every stored query requires, for every record of the sealed {@link RegistryQuery}, found by
 * reflection (a new query type is covered without being listed here). A record without its
 * {@link RegistryQuery#selection()} does not compile; these tests check that the facts it states
 * are the right ones: built empty, it is refused before it runs ({@link StoredQueries#require});
 * built with only its patient, or with only one of its ids, it passes, and its selection states
 * that patient or that id.
 */
class StoredQueryRequirementsTest {
    private static final PatientRef PATIENT = new PatientRef("279035121518989", "1.2.250.1.213.1.4.10");
    private static final String ID = "2.25.4242";

    @TestFactory
    Stream<DynamicTest> everyQueryTypeBuiltEmptyIsRefusedBeforeItRuns() {
        return queryTypes().map(type -> DynamicTest.dynamicTest(type.getSimpleName(), () -> {
            RegistryQuery empty = instance(type, c -> null);
            Selection selection = empty.selection();
            assertNotNull(selection, type.getSimpleName() + " states no selection");
            DmpException refusal = assertThrows(DmpException.class, () -> StoredQueries.require(selection));
            assertEquals(DmpErrorCode.INVALID_QUERY_PARAMETER, refusal.code());
            if (!selection.byIdentifiers()) {
                assertEquals("patientId", refusal.errors().get(0).location(), "a search names the missing patient");
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> aSearchWithItsPatientPassesAndStatesIt() {
        return queryTypes().filter(type -> !instance(type, c -> null).selection().byIdentifiers())
                .map(type -> DynamicTest.dynamicTest(type.getSimpleName(), () -> {
                    RegistryQuery query = instance(type, c -> c.getType() == PatientRef.class ? PATIENT
                            : criteriaOf(c.getType(), PATIENT));
                    assertDoesNotThrow(() -> StoredQueries.require(query.selection()));
                    assertEquals(PATIENT, query.patient());
                    assertTrue(query.selection().identifiers().isEmpty(), "a search names no object");
                }));
    }

    @TestFactory
    Stream<DynamicTest> eachIdAnIdBasedQueryTakesIsEnoughAndIsStated() {
        List<DynamicTest> tests = new ArrayList<>();
        queryTypes().filter(type -> instance(type, c -> null).selection().byIdentifiers()).forEach(type -> {
            List<RecordComponent> ids = Arrays.stream(type.getRecordComponents()).filter(StoredQueryRequirementsTest::isId).toList();
            tests.add(DynamicTest.dynamicTest(type.getSimpleName() + " takes ids",
                    () -> assertFalse(ids.isEmpty(), type.getSimpleName() + " names objects but has no id component")));
            for (RecordComponent id : ids) {
                tests.add(DynamicTest.dynamicTest(type.getSimpleName() + "." + id.getName(), () -> {
                    RegistryQuery query = instance(type, c -> c.getName().equals(id.getName()) ? idValue(c) : null);
                    assertDoesNotThrow(() -> StoredQueries.require(query.selection()));
                    assertEquals(List.of(ID), query.selection().identifiers(),
                            id.getName() + " is among the ids the selection states");
                    assertNull(query.patient(), "an id-based query names no patient");
                }));
            }
        });
        return tests.stream();
    }

    private static Stream<Class<? extends RegistryQuery>> queryTypes() {
        return Arrays.stream(RegistryQuery.class.getPermittedSubclasses()).map(c -> c.asSubclass(RegistryQuery.class));
    }

    /** An instance of the record, each component given by {@code value} (false for a boolean left null). */
    private static RegistryQuery instance(Class<? extends RegistryQuery> type, Function<RecordComponent, Object> value) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            Object v = value.apply(components[i]);
            args[i] = v != null ? v : emptyValue(types[i]);
        }
        try {
            return type.getDeclaredConstructor(types).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot build " + type.getSimpleName(), e);
        }
    }

    private static Object emptyValue(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        return criteriaOf(type, null);
    }

    /** Criteria with only this patient (or none), or null when the type is no criteria. */
    private static Object criteriaOf(Class<?> type, PatientRef patient) {
        if (type == DocumentCriteria.class) {
            return DocumentCriteria.builder().patient(patient).build();
        }
        if (type == SubmissionSetCriteria.class) {
            return SubmissionSetCriteria.builder().patient(patient).build();
        }
        if (type == FolderCriteria.class) {
            return FolderCriteria.builder().patient(patient).build();
        }
        return null;
    }

    /** A component holding ids: a String, or a List of String. */
    private static boolean isId(RecordComponent c) {
        if (c.getType() == String.class) {
            return true;
        }
        Type generic = c.getGenericType();
        return c.getType() == List.class && generic instanceof ParameterizedType p
                && p.getActualTypeArguments()[0] == String.class;
    }

    private static Object idValue(RecordComponent c) {
        return c.getType() == String.class ? ID : List.of(ID);
    }
}
