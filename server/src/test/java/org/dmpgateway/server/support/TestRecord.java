package org.dmpgateway.server.support;

import org.dmpgateway.model.PatientRecordState;

/**
 * The record and identity fixture of the end-to-end suites: a patient record set up through the
 * admin API, and the professionals (their VIHF, built by {@link Vihf}) who act on it. {@link #create}
 * makes a fresh ACTIVATED record (a new INS, so that each test works on a record of its own) whose
 * patient authorised Dr DURANT; {@link #seeded} uses one of the sandbox's bundled patients, Dr DURANT
 * authorised. The other professionals are authorised by the tests that need them.
 */
public record TestRecord(AdminClient admin, String ins) {

    /** A fresh ACTIVATED record whose patient authorised Dr DURANT. */
    public static TestRecord create(int port) {
        return create(new AdminClient(port));
    }

    /** A fresh ACTIVATED record whose patient authorised Dr DURANT, through {@code admin}. */
    public static TestRecord create(AdminClient admin) {
        TestRecord record = new TestRecord(admin, TestPatients.newIns());
        admin.createPatient(record.ins, PatientRecordState.ACTIVATED);
        return record.authorise(record.durant());
    }

    /** The record of a bundled sandbox patient ({@link SampleSubmissions}); its patient authorises Dr DURANT. */
    public static TestRecord seeded(int port, String ins) {
        return new TestRecord(new AdminClient(port), ins).authorise(Vihf.doctor(ins));
    }

    /** The patient authorises the professional of {@code who}. */
    public TestRecord authorise(Vihf who) {
        admin.authorise(ins, who, false);
        return this;
    }

    /** The patient authorises the professional of {@code who} and names them médecin administrateur. */
    public TestRecord authoriseAsAdminDoctor(Vihf who) {
        admin.authorise(ins, who, true);
        return this;
    }

    /** Dr DURANT Romuald, general practitioner, normal access to this record. */
    public Vihf durant() {
        return Vihf.doctor(ins);
    }

    /** Dr MOREAU Jeanne, chirurgien-dentiste, in Dr DURANT's structure. */
    public Vihf dentist() {
        return durant().asDentist();
    }

    /** Dr PETIT Louis, another general practitioner, in Dr DURANT's structure. */
    public Vihf otherDoctor() {
        return durant().asOtherDoctor();
    }

    /** Dr LAMBERT Sophie, the professional the suites make the patient's admin doctor. */
    public Vihf adminDoctor() {
        return durant().asAdminDoctor();
    }
}
