package org.mmsstack.routing.table;

/**
 * Why a recipient is rejected, with the status codes a Relay/Server answers with.
 *
 * <p>This enum is the one place where a routing rejection is mapped to the wire: the binary
 * X-Mms-Response-Status octet of an m-send-conf (OMA-TS-MMS_ENC §7.3.48; the 1.1+ permanent and
 * transient codes) and the X-Mms-Request-Status-Code token of an MM4 response (3GPP TS 23.140
 * §8.4). The codes are plain values here; the encapsulation and MM4 modules own the typed forms.
 */
public enum RejectReason {

    /** The recipient is not a subscriber this MMSE knows: 0xE3 / Error-sending-address-unresolved. */
    UNKNOWN_RECIPIENT("unknown-recipient", 0xE3, "Error-sending-address-unresolved"),

    /** The recipient may not receive MMs (barred, suspended): 0xE1 / Error-service-denied. */
    BARRED("barred", 0xE1, "Error-service-denied"),

    /**
     * The address is not a valid number or domain (bad characters, more than 15 digits): 0xE3 /
     * Error-sending-address-unresolved. Lookups return this instead of throwing.
     */
    INVALID_ADDRESS("invalid-address", 0xE3, "Error-sending-address-unresolved"),

    /** Nothing matched and the table has no default route: 0xE3 / Error-sending-address-unresolved. */
    NO_ROUTE("no-route", 0xE3, "Error-sending-address-unresolved"),

    /** The destination is known but cannot be reached now: 0xC3 / Error-network-problem. */
    UNREACHABLE("unreachable", 0xC3, "Error-network-problem"),

    /** Refused for a reason not listed: 0xE0 / Error-unspecified. */
    REFUSED("refused", 0xE0, "Error-unspecified");

    private static final RejectReason[] VALUES = values();

    private final String token;
    private final int responseStatus;
    private final String mm4RequestStatusCode;

    RejectReason(String token, int responseStatus, String mm4RequestStatusCode) {
        this.token = token;
        this.responseStatus = responseStatus;
        this.mm4RequestStatusCode = mm4RequestStatusCode;
    }

    /** The name used in the routing table file, e.g. {@code unknown-recipient}. */
    public String token() {
        return token;
    }

    /** The binary X-Mms-Response-Status value (one octet, 0xC0-0xFF) to answer with. */
    public int responseStatus() {
        return responseStatus;
    }

    /** The MM4 X-Mms-Request-Status-Code token to answer with. */
    public String mm4RequestStatusCode() {
        return mm4RequestStatusCode;
    }

    /** Whether the status is transient (the sender may retry): 0xC0-0xDF. */
    public boolean isTransient() {
        return (responseStatus & 0xE0) == 0xC0;
    }

    /** The reason with the given {@link #token()}, or {@code null}. */
    public static RejectReason forToken(CharSequence token) {
        for (RejectReason r : VALUES) {
            if (r.token.contentEquals(token)) {
                return r;
            }
        }
        return null;
    }
}
