package org.dmpgateway.core.account;

import org.dmpgateway.model.CodedValue;
import org.dmpgateway.model.account.AccountException;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.Locale;

/**
 * The file a patient adds (dmp-rules.md section 2): decoded from base64, at most the configured size,
 * of a type Mon espace santé accepts, its bytes matching the type declared; a PNG is converted to
 * JPEG, as Mon espace santé does. The format code is the one of JDV_J60-FormatCode-DMP for the type
 * (TRE_A11-IheFormatCode, OID 1.3.6.1.4.1.19376.1.2.3).
 *
 * @param mimeType the stored MIME type ({@code application/pdf} or {@code image/jpeg})
 */
record UploadedFile(byte[] bytes, String mimeType, CodedValue formatCode, boolean converted) {
    static final String FORMAT_SYSTEM = "1.3.6.1.4.1.19376.1.2.3";
    static final CodedValue PDF = new CodedValue("urn:ihe:iti:xds-sd:pdf:2008", FORMAT_SYSTEM,
            "Document à corps non structuré en Pdf/A-1");
    static final CodedValue JPEG = new CodedValue("urn:ihe:iti-fr:xds-sd:jpeg:2010", FORMAT_SYSTEM,
            "Document à corps non structuré en format jpeg");

    static UploadedFile of(String typedMimeType, String base64, long maxBytes) {
        String mime = Fields.required(typedMimeType, "mimeType", "Le type du fichier").toLowerCase(Locale.ROOT);
        if (!mime.equals("application/pdf") && !mime.equals("image/jpeg") && !mime.equals("image/png")) {
            throw Fields.invalid("mimeType", "le fichier doit être au format PDF (application/pdf), JPEG (image/jpeg) "
                    + "ou PNG (image/png), pas " + typedMimeType.strip() + ".");
        }
        String encoded = Fields.required(base64, "content", "Le contenu du fichier");
        String limit = megabytes(maxBytes);
        // base64: 4 characters for 3 bytes; refuse a file too large before decoding it
        if ((long) encoded.length() / 4 * 3 - 2 > maxBytes) {
            throw tooLarge(limit);
        }
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw Fields.invalid("content", "le contenu du fichier doit être encodé en base64.");
        }
        if (bytes.length == 0) {
            throw Fields.invalid("content", "le fichier est vide.");
        }
        if (bytes.length > maxBytes) {
            throw tooLarge(limit);
        }
        return switch (mime) {
            case "application/pdf" -> {
                requireSignature(bytes, new int[] {'%', 'P', 'D', 'F', '-'}, "PDF");
                yield new UploadedFile(bytes, mime, PDF, false);
            }
            case "image/jpeg" -> {
                requireSignature(bytes, new int[] {0xFF, 0xD8, 0xFF}, "JPEG");
                yield new UploadedFile(bytes, mime, JPEG, false);
            }
            default -> {
                requireSignature(bytes, new int[] {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, "PNG");
                yield new UploadedFile(toJpeg(bytes), "image/jpeg", JPEG, true);
            }
        };
    }

    private static AccountException tooLarge(String limit) {
        return Fields.invalid("content", "le fichier dépasse la taille maximale de " + limit + ".");
    }

    private static String megabytes(long bytes) {
        if (bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " Mo";
        }
        return bytes % 1024 == 0 ? bytes / 1024 + " Ko" : bytes + " octets";
    }

    private static void requireSignature(byte[] bytes, int[] signature, String format) {
        boolean matches = bytes.length >= signature.length;
        for (int i = 0; matches && i < signature.length; i++) {
            matches = (bytes[i] & 0xFF) == signature[i];
        }
        if (!matches) {
            throw Fields.invalid("content", "le contenu du fichier n'est pas un fichier " + format
                    + " (mimeType " + format.toLowerCase(Locale.ROOT) + ").");
        }
    }

    /** The PNG image as a JPEG (transparent areas white). */
    private static byte[] toJpeg(byte[] png) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            if (image == null) {
                throw Fields.invalid("content", "l'image PNG ne peut pas être lue.");
            }
            BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = rgb.createGraphics();
            g.drawImage(image, 0, 0, Color.WHITE, null);
            g.dispose();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(rgb, "jpeg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw Fields.invalid("content", "l'image PNG ne peut pas être lue.");
        }
    }
}
