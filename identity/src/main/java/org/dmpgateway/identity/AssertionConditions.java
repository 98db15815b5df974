package org.dmpgateway.identity;

import org.w3c.dom.Element;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import static org.dmpgateway.identity.Dom.children;

/**
 * The validity window of a signed assertion: its {@code saml2:Conditions} NotBefore / NotOnOrAfter,
 * when given, must hold at the reader's clock, with {@link #CLOCK_SKEW} of tolerance. Outside the
 * window: IDENTITY_UNTRUSTED; a malformed date: IDENTITY_INVALID.
 */
final class AssertionConditions {
    /** Tolerance on the assertion's Conditions when signatures are required. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final Clock clock;

    AssertionConditions(Clock clock) {
        this.clock = clock;
    }

    void check(Element assertion) {
        List<Element> conditions = children(assertion, VihfNames.SAML2_NS, "Conditions");
        if (conditions.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Instant notBefore = instant(conditions.get(0), "NotBefore");
        Instant notOnOrAfter = instant(conditions.get(0), "NotOnOrAfter");
        if (notBefore != null && now.plus(CLOCK_SKEW).isBefore(notBefore)) {
            throw VihfSignatureVerifier.untrusted("the VIHF assertion is not valid before " + notBefore);
        }
        if (notOnOrAfter != null && !now.minus(CLOCK_SKEW).isBefore(notOnOrAfter)) {
            throw VihfSignatureVerifier.untrusted("the VIHF assertion expired at " + notOnOrAfter);
        }
    }

    private static Instant instant(Element conditions, String attribute) {
        String value = conditions.getAttribute(attribute).trim();
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw VihfAssertionParser.invalid("the assertion's Conditions/@" + attribute
                    + " is not an xs:dateTime in UTC: '" + value + "'");
        }
    }
}
