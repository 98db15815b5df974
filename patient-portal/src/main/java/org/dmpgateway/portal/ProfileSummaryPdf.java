package org.dmpgateway.portal;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.dmpgateway.model.PatientRef;
import org.dmpgateway.model.profile.MeasureKind;
import org.dmpgateway.model.profile.MedicalProfile;
import org.dmpgateway.model.profile.ProfileEntry;
import org.dmpgateway.model.profile.ProfileSection;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;

/**
 * The medical profile's PDF summary the patient downloads (dmp-rules.md section 5: "A PDF summary of
 * the profile can be generated and shared"), written with Apache PDFBox: a title, the patient's INS,
 * the date, then every section in order with its entries (measurements with their units, the BMI the
 * core computed). Standard PDF fonts (WinAnsi): a character they cannot draw is written "?".
 */
final class ProfileSummaryPdf {
    private static final float MARGIN = 50;
    private static final float BODY_SIZE = 10;
    private static final float LEADING = 14;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.FRENCH);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final PDDocument document = new PDDocument();
    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private PDPageContentStream page;
    private float y;

    private ProfileSummaryPdf() {
    }

    /** The summary of {@code profile} as PDF bytes. */
    static byte[] write(PatientRef patient, MedicalProfile profile, Instant now) {
        ProfileSummaryPdf pdf = new ProfileSummaryPdf();
        try (PDDocument doc = pdf.document) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("Profil médical - synthèse");
            info.setCreator("DMP Gateway");
            Calendar created = GregorianCalendar.from(now.atZone(PARIS));
            info.setCreationDate(created);
            pdf.newPage();
            pdf.line(pdf.bold, 16, "Profil médical - synthèse");
            pdf.line(pdf.regular, BODY_SIZE, "Patient (INS) : " + patient.id() + "    Édité le "
                    + DAY.format(now.atZone(PARIS)));
            pdf.gap();
            for (ProfileSection section : ProfileSection.values()) {
                pdf.line(pdf.bold, 12, section.label());
                List<ProfileEntry> entries = profile.section(section);
                if (section == ProfileSection.MEASUREMENT && profile.bmi() != null) {
                    pdf.paragraph("IMC : " + decimal(profile.bmi()) + " " + MeasureKind.BMI.display()
                            + " (calculé à partir du dernier poids et de la dernière taille)");
                }
                if (entries.isEmpty()) {
                    pdf.paragraph("Aucune information.");
                }
                for (ProfileEntry e : entries) {
                    pdf.paragraph("- " + describe(e));
                }
                pdf.gap();
            }
            pdf.page.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the medical profile's PDF summary", e);
        }
    }

    /** The PDF as the answer of a download: attachment {@code profil-medical.pdf}, never cached. */
    static ResponseEntity<byte[]> download(PatientRef patient, MedicalProfile profile, Instant now) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("profil-medical.pdf").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(write(patient, profile, now));
    }

    /** One entry in French, as the summary and the pages write it. */
    static String describe(ProfileEntry e) {
        StringBuilder s = new StringBuilder();
        switch (e.section()) {
            case MEASUREMENT -> {
                s.append(e.measure().label()).append(" : ").append(decimal(e.value()));
                if (e.value2() != null) {
                    s.append("/").append(decimal(e.value2()));
                }
                s.append(" ").append(e.measure().display());
            }
            case CONTACT -> {
                s.append(e.name()).append(" (").append(e.role().label()).append(")");
                if (e.detail() != null) {
                    s.append(", tél. ").append(e.detail());
                }
            }
            case TREATMENT -> {
                s.append(e.name());
                if (e.detail() != null) {
                    s.append(", posologie : ").append(e.detail());
                }
            }
            case VACCINATION -> {
                s.append(e.name());
                if (e.detail() != null) {
                    s.append(", lot ").append(e.detail());
                }
            }
            default -> s.append(e.name());
        }
        if (e.startYear() != null) {
            s.append(", depuis ").append(e.startYear());
        }
        if (e.date() != null) {
            s.append(", le ").append(DAY.format(e.date()));
        }
        if (e.comment() != null) {
            s.append(" - ").append(e.comment());
        }
        return s.toString();
    }

    static String decimal(BigDecimal value) {
        return value.toPlainString().replace('.', ',');
    }

    private void newPage() throws IOException {
        if (page != null) {
            page.close();
        }
        PDPage p = new PDPage(PDRectangle.A4);
        document.addPage(p);
        page = new PDPageContentStream(document, p);
        y = p.getMediaBox().getHeight() - MARGIN;
    }

    private void gap() {
        y -= LEADING / 2;
    }

    private void paragraph(String text) throws IOException {
        for (String l : wrap(drawable(text, regular), regular, BODY_SIZE)) {
            line(regular, BODY_SIZE, l);
        }
    }

    private void line(PDType1Font font, float size, String text) throws IOException {
        if (y < MARGIN + LEADING) {
            newPage();
        }
        page.beginText();
        page.setFont(font, size);
        page.newLineAtOffset(MARGIN, y);
        page.showText(drawable(text, font));
        page.endText();
        y -= size > BODY_SIZE ? LEADING + 4 : LEADING;
    }

    private static List<String> wrap(String text, PDType1Font font, float size) throws IOException {
        float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = current.isEmpty() ? word : current + " " + word;
            if (!current.isEmpty() && font.getStringWidth(candidate) / 1000 * size > width) {
                lines.add(current.toString());
                current = new StringBuilder(word);
            } else {
                current = new StringBuilder(candidate);
            }
        }
        lines.add(current.toString());
        return lines;
    }

    /** The text with each character the font cannot encode replaced by "?" (and line breaks by spaces). */
    private static String drawable(String text, PDType1Font font) {
        StringBuilder s = new StringBuilder();
        text.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ').codePoints().forEach(cp -> {
            String c = new String(Character.toChars(cp));
            try {
                font.encode(c);
                s.append(c);
            } catch (IOException | IllegalArgumentException e) {
                s.append('?');
            }
        });
        return s.toString();
    }
}
