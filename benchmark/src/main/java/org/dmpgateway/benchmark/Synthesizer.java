package org.dmpgateway.benchmark;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Realistic synthetic patients and document entries from a seeded random source: DMP codes from
 * {@link Catalog}, creation times spread over ten years, authors among a pool of professionals,
 * and (in the bulk registry only) a small share of documents masked from professionals.
 */
final class Synthesizer {
    /** Professionals who author the bulk documents (0 is the harness's own professional). */
    static final int AUTHORS = 500;
    private static final DateTimeFormatter DTM = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final LocalDateTime EPOCH = LocalDateTime.of(2015, 1, 1, 0, 0);
    private static final int TEN_YEARS_MINUTES = 10 * 365 * 24 * 60;

    record Patient(String ins, String family, String given, String birthDate, String gender) {
        List<String> sourcePatientInfo() {
            return Catalog.sourcePatientInfo(ins, family, given, birthDate, gender);
        }
    }

    /** One document entry with its content; indexes point into the {@link Catalog} lists. */
    record Document(String entryUuid, String uniqueId, int kind, int format, int facility, int practice,
                    Catalog.Code event, boolean masked, int author, String creationTime, String serviceStart,
                    String serviceStop, String title, byte[] content) {
        Catalog.Code classCode() {
            return Catalog.CLASS_CODES.get(kind);
        }

        Catalog.Code typeCode() {
            return Catalog.TYPE_CODES.get(kind);
        }

        Catalog.Code formatCode() {
            return Catalog.FORMAT_CODES.get(format);
        }

        String mimeType() {
            return Catalog.MIME_TYPES.get(format);
        }

        List<Catalog.Code> confidentiality() {
            return masked ? List.of(Catalog.CONF_NORMAL, Catalog.CONF_MASQUE_PS) : List.of(Catalog.CONF_NORMAL);
        }
    }

    private final Random random;

    Synthesizer(long seed) {
        this.random = new Random(seed);
    }

    Random random() {
        return random;
    }

    Patient patient(String ins) {
        String family = Catalog.FAMILY_NAMES.get(random.nextInt(Catalog.FAMILY_NAMES.size()));
        String given = Catalog.GIVEN_NAMES.get(random.nextInt(Catalog.GIVEN_NAMES.size()));
        String birth = String.format("%04d%02d%02d", 1930 + random.nextInt(90), 1 + random.nextInt(12), 1 + random.nextInt(28));
        return new Patient(ins, family, given, birth, ins.charAt(0) == '1' ? "M" : "F");
    }

    /**
     * A document entry.
     *
     * @param mayBeMasked whether it may carry MASQUE_PS (2%): never for the query targets, whose
     *                    counts must be exact for the harness's professional
     * @param contentSize bytes of content
     */
    Document document(boolean mayBeMasked, int contentSize) {
        int kind = random.nextInt(Catalog.CLASS_CODES.size());
        int format = random.nextInt(Catalog.FORMAT_CODES.size());
        LocalDateTime created = EPOCH.plusMinutes(random.nextInt(TEN_YEARS_MINUTES));
        String creation = DTM.format(created);
        String day = creation.substring(0, 8);
        int author = random.nextInt(AUTHORS);
        boolean masked = mayBeMasked && author != 0 && random.nextInt(50) == 0;
        Catalog.Code event = random.nextInt(10) < 3 ? Catalog.EVENT_CODES.get(random.nextInt(Catalog.EVENT_CODES.size())) : null;
        String uniqueId = oid();
        return new Document(entryUuid(), uniqueId, kind, format, random.nextInt(Catalog.FACILITY_CODES.size()),
                random.nextInt(Catalog.PRACTICE_CODES.size()), event, masked, author, creation, day + "0800",
                day + "1800", Catalog.CLASS_CODES.get(kind).display() + " du " + DAY.format(created),
                content(uniqueId, contentSize));
    }

    /** A urn:uuid entryUUID (random version 4). */
    String entryUuid() {
        long hi = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lo = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return "urn:uuid:" + new UUID(hi, lo);
    }

    /** An OID under 2.25 (a UUID as a decimal integer), as uniqueIds are minted. */
    String oid() {
        byte[] b = new byte[16];
        random.nextBytes(b);
        return "2.25." + new BigInteger(1, b);
    }

    /** Text content of the given size that starts with the document's uniqueId (so hashes differ). */
    static byte[] content(String uniqueId, int size) {
        byte[] head = ("Compte rendu synthétique " + uniqueId + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] filler = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[size];
        int n = Math.min(head.length, size);
        System.arraycopy(head, 0, out, 0, n);
        for (int i = n; i < size; i++) {
            out[i] = filler[(i - n) % filler.length];
        }
        return out;
    }

    /** Splits n documents into submission sets of 1 to 5 documents. */
    List<Integer> setSizes(int n) {
        List<Integer> sizes = new ArrayList<>();
        int left = n;
        while (left > 0) {
            int s = Math.min(left, 1 + random.nextInt(5));
            sizes.add(s);
            left -= s;
        }
        return sizes;
    }

    /** The submission time of a set whose documents were created at this time: a few hours later. */
    String submissionTime(String creationTime) {
        LocalDateTime created = LocalDateTime.parse(creationTime, DTM);
        return DTM.format(created.plusMinutes(30 + random.nextInt(600)));
    }
}
