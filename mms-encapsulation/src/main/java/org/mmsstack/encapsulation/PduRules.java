package org.mmsstack.encapsulation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.mmsstack.encapsulation.body.Body;

/**
 * Which header fields each PDU type carries, and how (OMA MMS Encapsulation 1.0-1.3, section 6,
 * as rebuilt from Android, Symbian, Mozilla, Sailfish and Mbuni). The rows for the 1.2/1.3 MMBox,
 * delete and cancel PDUs rest mainly on one implementation each, so they are the least certain.
 *
 * <p>The one place these tables live: builders check mandatory headers with them and the
 * validator checks everything else.
 */
public final class PduRules {

  /** How a field is required in a PDU type. */
  public enum Requirement {
    MANDATORY,
    OPTIONAL,
    CONDITIONAL
  }

  /**
   * One allowed field of a PDU type.
   *
   * @param field the field
   * @param requirement mandatory, optional or conditional
   * @param since the version from which this PDU type carries the field ({@code null}: the PDU's own)
   * @param repeatable whether the field may occur more than once in this PDU type
   */
  public record Rule(
      HeaderField<?> field, Requirement requirement, MmsVersion since, boolean repeatable) {}

  private static final Map<MessageType, List<Rule>> RULES = new EnumMap<>(MessageType.class);

  static {
    RULES.put(
        MessageType.SEND_REQ,
        List.of(
            new Rule(HeaderField.MESSAGE_TYPE, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.TRANSACTION_ID, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.MMS_VERSION, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.DATE, Requirement.OPTIONAL, null, false),
            new Rule(HeaderField.FROM, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.TO, Requirement.OPTIONAL, null, true),
            new Rule(HeaderField.CC, Requirement.OPTIONAL, null, true),
            new Rule(HeaderField.BCC, Requirement.OPTIONAL, null, true),
            new Rule(HeaderField.SUBJECT, Requirement.OPTIONAL, null, false),
            new Rule(HeaderField.MESSAGE_CLASS, Requirement.OPTIONAL, null, false),
            new Rule(HeaderField.EXPIRY, Requirement.OPTIONAL, null, false),
            new Rule(HeaderField.DELIVERY_TIME, Requirement.OPTIONAL, null, false),
            new Rule(HeaderField.PRIORITY, Requirement.OPTIONAL, null, false),
            new Rule(HeaderField.SENDER_VISIBILITY, Requirement.OPTIONAL, null, false),
            new Rule(HeaderField.DELIVERY_REPORT, Requirement.OPTIONAL, null, false),
            new Rule(HeaderField.READ_REPORT, Requirement.OPTIONAL, null, false),
            new Rule(HeaderField.REPLY_CHARGING, Requirement.OPTIONAL, MmsVersion.V1_1, false),
            new Rule(
                HeaderField.REPLY_CHARGING_DEADLINE, Requirement.OPTIONAL, MmsVersion.V1_1, false),
            new Rule(HeaderField.REPLY_CHARGING_SIZE, Requirement.OPTIONAL, MmsVersion.V1_1, false),
            new Rule(HeaderField.REPLY_CHARGING_ID, Requirement.OPTIONAL, MmsVersion.V1_1, false),
            new Rule(HeaderField.STORE, Requirement.OPTIONAL, MmsVersion.V1_2, false),
            new Rule(HeaderField.MM_STATE, Requirement.OPTIONAL, MmsVersion.V1_2, false),
            new Rule(HeaderField.MM_FLAGS, Requirement.OPTIONAL, MmsVersion.V1_2, true),
            new Rule(HeaderField.APPLIC_ID, Requirement.OPTIONAL, MmsVersion.V1_3, false),
            new Rule(HeaderField.REPLY_APPLIC_ID, Requirement.OPTIONAL, MmsVersion.V1_3, false),
            new Rule(HeaderField.AUX_APPLIC_INFO, Requirement.OPTIONAL, MmsVersion.V1_3, false),
            new Rule(HeaderField.CONTENT_CLASS, Requirement.OPTIONAL, MmsVersion.V1_3, false),
            new Rule(HeaderField.DRM_CONTENT, Requirement.OPTIONAL, MmsVersion.V1_3, false),
            new Rule(HeaderField.ADAPTATION_ALLOWED, Requirement.OPTIONAL, MmsVersion.V1_3, false),
            new Rule(HeaderField.CONTENT_TYPE, Requirement.MANDATORY, null, false)));
    RULES.put(
        MessageType.SEND_CONF,
        List.of(
            new Rule(HeaderField.MESSAGE_TYPE, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.TRANSACTION_ID, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.MMS_VERSION, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.RESPONSE_STATUS, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.RESPONSE_TEXT, Requirement.OPTIONAL, null, false),
            new Rule(HeaderField.MESSAGE_ID, Requirement.OPTIONAL, null, false),
            new Rule(HeaderField.CONTENT_LOCATION, Requirement.OPTIONAL, MmsVersion.V1_2, false),
            new Rule(HeaderField.STORE_STATUS, Requirement.OPTIONAL, MmsVersion.V1_2, false),
            new Rule(HeaderField.STORE_STATUS_TEXT, Requirement.OPTIONAL, MmsVersion.V1_2, false)));
    RULES.put(
        MessageType.NOTIFICATION_IND,
        List.of(
            new Rule(HeaderField.MESSAGE_TYPE, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.TRANSACTION_ID, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.MMS_VERSION, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.FROM, Requirement.OPTIONAL, null, false),
            new Rule(HeaderField.SUBJECT, Requirement.OPTIONAL, null, false),
            new Rule(HeaderField.DELIVERY_REPORT, Requirement.OPTIONAL, null, false),
            new Rule(HeaderField.STORED, Requirement.OPTIONAL, MmsVersion.V1_2, false),
            new Rule(HeaderField.MESSAGE_CLASS, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.PRIORITY, Requirement.OPTIONAL, null, false),
            new Rule(HeaderField.MESSAGE_SIZE, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.EXPIRY, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.REPLY_CHARGING, Requirement.OPTIONAL, MmsVersion.V1_1, false),
            new Rule(
                HeaderField.REPLY_CHARGING_DEADLINE, Requirement.OPTIONAL, MmsVersion.V1_1, false),
            new Rule(HeaderField.REPLY_CHARGING_SIZE, Requirement.OPTIONAL, MmsVersion.V1_1, false),
            new Rule(HeaderField.REPLY_CHARGING_ID, Requirement.OPTIONAL, MmsVersion.V1_1, false),
            new Rule(HeaderField.CONTENT_LOCATION, Requirement.MANDATORY, null, false),
            new Rule(
                HeaderField.DISTRIBUTION_INDICATOR, Requirement.OPTIONAL, MmsVersion.V1_2, false),
            new Rule(HeaderField.ELEMENT_DESCRIPTOR, Requirement.OPTIONAL, MmsVersion.V1_2, false),
            new Rule(
                HeaderField.RECOMMENDED_RETRIEVAL_MODE,
                Requirement.OPTIONAL,
                MmsVersion.V1_3,
                false),
            new Rule(
                HeaderField.RECOMMENDED_RETRIEVAL_MODE_TEXT,
                Requirement.OPTIONAL,
                MmsVersion.V1_3,
                false),
            new Rule(HeaderField.APPLIC_ID, Requirement.OPTIONAL, MmsVersion.V1_3, false),
            new Rule(HeaderField.REPLY_APPLIC_ID, Requirement.OPTIONAL, MmsVersion.V1_3, false),
            new Rule(HeaderField.AUX_APPLIC_INFO, Requirement.OPTIONAL, MmsVersion.V1_3, false),
            new Rule(HeaderField.CONTENT_CLASS, Requirement.OPTIONAL, MmsVersion.V1_3, false),
            new Rule(HeaderField.DRM_CONTENT, Requirement.OPTIONAL, MmsVersion.V1_3, false),
            new Rule(HeaderField.REPLACE_ID, Requirement.OPTIONAL, MmsVersion.V1_3, false)));
    RULES.put(
        MessageType.NOTIFYRESP_IND,
        List.of(
            new Rule(HeaderField.MESSAGE_TYPE, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.TRANSACTION_ID, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.MMS_VERSION, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.STATUS, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.REPORT_ALLOWED, Requirement.OPTIONAL, null, false)));
    RULES.put(
        MessageType.RETRIEVE_CONF,
        List.of(
            new Rule(HeaderField.MESSAGE_TYPE, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.TRANSACTION_ID, Requirement.CONDITIONAL, null, false),
            new Rule(HeaderField.MMS_VERSION, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.MESSAGE_ID, Requirement.CONDITIONAL, null, false),
            new Rule(HeaderField.FROM, Requirement.OPTIONAL, null, false),
            new Rule(HeaderField.TO, Requirement.OPTIONAL, null, true),
            new Rule(HeaderField.CC, Requirement.OPTIONAL, null, true),
            new Rule(HeaderField.SUBJECT, Requirement.OPTIONAL, null, false),
            new Rule(HeaderField.DATE, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.PREVIOUSLY_SENT_BY, Requirement.OPTIONAL, MmsVersion.V1_1, true),
            new Rule(HeaderField.PREVIOUSLY_SENT_DATE, Requirement.OPTIONAL, MmsVersion.V1_1, true),
            new Rule(HeaderField.MM_STATE, Requirement.OPTIONAL, MmsVersion.V1_2, false),
            new Rule(HeaderField.MM_FLAGS, Requirement.OPTIONAL, MmsVersion.V1_2, true),
            new Rule(HeaderField.MESSAGE_CLASS, Requirement.OPTIONAL, null, false),
            new Rule(HeaderField.PRIORITY, Requirement.OPTIONAL, null, false),
            new Rule(HeaderField.DELIVERY_REPORT, Requirement.OPTIONAL, null, false),
            new Rule(HeaderField.READ_REPORT, Requirement.OPTIONAL, null, false),
            new Rule(HeaderField.REPLY_CHARGING, Requirement.OPTIONAL, MmsVersion.V1_1, false),
            new Rule(
                HeaderField.REPLY_CHARGING_DEADLINE, Requirement.OPTIONAL, MmsVersion.V1_1, false),
            new Rule(HeaderField.REPLY_CHARGING_SIZE, Requirement.OPTIONAL, MmsVersion.V1_1, false),
            new Rule(HeaderField.REPLY_CHARGING_ID, Requirement.OPTIONAL, MmsVersion.V1_1, false),
            new Rule(HeaderField.RETRIEVE_STATUS, Requirement.OPTIONAL, MmsVersion.V1_1, false),
            new Rule(HeaderField.RETRIEVE_TEXT, Requirement.OPTIONAL, MmsVersion.V1_1, false),
            new Rule(
                HeaderField.DISTRIBUTION_INDICATOR, Requirement.OPTIONAL, MmsVersion.V1_2, false),
            new Rule(HeaderField.APPLIC_ID, Requirement.OPTIONAL, MmsVersion.V1_3, false),
            new Rule(HeaderField.REPLY_APPLIC_ID, Requirement.OPTIONAL, MmsVersion.V1_3, false),
            new Rule(HeaderField.AUX_APPLIC_INFO, Requirement.OPTIONAL, MmsVersion.V1_3, false),
            new Rule(HeaderField.CONTENT_CLASS, Requirement.OPTIONAL, MmsVersion.V1_3, false),
            new Rule(HeaderField.DRM_CONTENT, Requirement.OPTIONAL, MmsVersion.V1_3, false),
            new Rule(HeaderField.REPLACE_ID, Requirement.OPTIONAL, MmsVersion.V1_3, false),
            new Rule(HeaderField.CONTENT_TYPE, Requirement.MANDATORY, null, false)));
    RULES.put(
        MessageType.ACKNOWLEDGE_IND,
        List.of(
            new Rule(HeaderField.MESSAGE_TYPE, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.TRANSACTION_ID, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.MMS_VERSION, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.REPORT_ALLOWED, Requirement.OPTIONAL, null, false)));
    RULES.put(
        MessageType.DELIVERY_IND,
        List.of(
            new Rule(HeaderField.MESSAGE_TYPE, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.MMS_VERSION, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.MESSAGE_ID, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.TO, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.DATE, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.STATUS, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.STATUS_TEXT, Requirement.OPTIONAL, MmsVersion.V1_3, false),
            new Rule(HeaderField.APPLIC_ID, Requirement.OPTIONAL, MmsVersion.V1_3, false),
            new Rule(HeaderField.REPLY_APPLIC_ID, Requirement.OPTIONAL, MmsVersion.V1_3, false),
            new Rule(HeaderField.AUX_APPLIC_INFO, Requirement.OPTIONAL, MmsVersion.V1_3, false)));
    RULES.put(
        MessageType.READ_REC_IND,
        List.of(
            new Rule(HeaderField.MESSAGE_TYPE, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.MMS_VERSION, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.MESSAGE_ID, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.TO, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.FROM, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.DATE, Requirement.OPTIONAL, null, false),
            new Rule(HeaderField.READ_STATUS, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.APPLIC_ID, Requirement.OPTIONAL, MmsVersion.V1_3, false),
            new Rule(HeaderField.REPLY_APPLIC_ID, Requirement.OPTIONAL, MmsVersion.V1_3, false),
            new Rule(HeaderField.AUX_APPLIC_INFO, Requirement.OPTIONAL, MmsVersion.V1_3, false)));
    RULES.put(
        MessageType.READ_ORIG_IND,
        List.of(
            new Rule(HeaderField.MESSAGE_TYPE, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.MMS_VERSION, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.MESSAGE_ID, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.TO, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.FROM, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.DATE, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.READ_STATUS, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.APPLIC_ID, Requirement.OPTIONAL, MmsVersion.V1_3, false),
            new Rule(HeaderField.REPLY_APPLIC_ID, Requirement.OPTIONAL, MmsVersion.V1_3, false),
            new Rule(HeaderField.AUX_APPLIC_INFO, Requirement.OPTIONAL, MmsVersion.V1_3, false)));
    RULES.put(
        MessageType.FORWARD_REQ,
        List.of(
            new Rule(HeaderField.MESSAGE_TYPE, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.TRANSACTION_ID, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.MMS_VERSION, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.DATE, Requirement.OPTIONAL, null, false),
            new Rule(HeaderField.FROM, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.TO, Requirement.OPTIONAL, null, true),
            new Rule(HeaderField.CC, Requirement.OPTIONAL, null, true),
            new Rule(HeaderField.BCC, Requirement.OPTIONAL, null, true),
            new Rule(HeaderField.EXPIRY, Requirement.OPTIONAL, null, false),
            new Rule(HeaderField.DELIVERY_TIME, Requirement.OPTIONAL, null, false),
            new Rule(HeaderField.REPORT_ALLOWED, Requirement.OPTIONAL, null, false),
            new Rule(HeaderField.DELIVERY_REPORT, Requirement.OPTIONAL, null, false),
            new Rule(HeaderField.READ_REPORT, Requirement.OPTIONAL, null, false),
            new Rule(HeaderField.STORE, Requirement.OPTIONAL, MmsVersion.V1_2, false),
            new Rule(HeaderField.MM_STATE, Requirement.OPTIONAL, MmsVersion.V1_2, false),
            new Rule(HeaderField.MM_FLAGS, Requirement.OPTIONAL, MmsVersion.V1_2, true),
            new Rule(HeaderField.REPLY_CHARGING, Requirement.OPTIONAL, MmsVersion.V1_3, false),
            new Rule(
                HeaderField.REPLY_CHARGING_DEADLINE, Requirement.OPTIONAL, MmsVersion.V1_3, false),
            new Rule(HeaderField.REPLY_CHARGING_SIZE, Requirement.OPTIONAL, MmsVersion.V1_3, false),
            new Rule(HeaderField.CONTENT_LOCATION, Requirement.MANDATORY, null, false)));
    RULES.put(
        MessageType.FORWARD_CONF,
        List.of(
            new Rule(HeaderField.MESSAGE_TYPE, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.TRANSACTION_ID, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.MMS_VERSION, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.RESPONSE_STATUS, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.RESPONSE_TEXT, Requirement.OPTIONAL, null, false),
            new Rule(HeaderField.MESSAGE_ID, Requirement.OPTIONAL, null, false),
            new Rule(HeaderField.CONTENT_LOCATION, Requirement.OPTIONAL, MmsVersion.V1_2, false),
            new Rule(HeaderField.STORE_STATUS, Requirement.OPTIONAL, MmsVersion.V1_2, false),
            new Rule(HeaderField.STORE_STATUS_TEXT, Requirement.OPTIONAL, MmsVersion.V1_2, false)));
    RULES.put(
        MessageType.MBOX_STORE_REQ,
        List.of(
            new Rule(HeaderField.MESSAGE_TYPE, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.TRANSACTION_ID, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.MMS_VERSION, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.CONTENT_LOCATION, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.MM_STATE, Requirement.OPTIONAL, null, false),
            new Rule(HeaderField.MM_FLAGS, Requirement.OPTIONAL, null, true)));
    RULES.put(
        MessageType.MBOX_STORE_CONF,
        List.of(
            new Rule(HeaderField.MESSAGE_TYPE, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.TRANSACTION_ID, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.MMS_VERSION, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.CONTENT_LOCATION, Requirement.CONDITIONAL, null, false),
            new Rule(HeaderField.STORE_STATUS, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.STORE_STATUS_TEXT, Requirement.OPTIONAL, null, false)));
    RULES.put(
        MessageType.MBOX_VIEW_REQ,
        List.of(
            new Rule(HeaderField.MESSAGE_TYPE, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.TRANSACTION_ID, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.MMS_VERSION, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.CONTENT_LOCATION, Requirement.OPTIONAL, null, true),
            new Rule(HeaderField.MM_STATE, Requirement.OPTIONAL, null, true),
            new Rule(HeaderField.MM_FLAGS, Requirement.OPTIONAL, null, true),
            new Rule(HeaderField.START, Requirement.OPTIONAL, null, false),
            new Rule(HeaderField.LIMIT, Requirement.OPTIONAL, null, false),
            new Rule(HeaderField.ATTRIBUTES, Requirement.OPTIONAL, null, true),
            new Rule(HeaderField.TOTALS, Requirement.OPTIONAL, null, false),
            new Rule(HeaderField.QUOTAS, Requirement.OPTIONAL, null, false)));
    RULES.put(
        MessageType.MBOX_VIEW_CONF,
        List.of(
            new Rule(HeaderField.MESSAGE_TYPE, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.TRANSACTION_ID, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.MMS_VERSION, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.RESPONSE_STATUS, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.RESPONSE_TEXT, Requirement.OPTIONAL, null, false),
            new Rule(HeaderField.CONTENT_LOCATION, Requirement.OPTIONAL, null, true),
            new Rule(HeaderField.MM_STATE, Requirement.OPTIONAL, null, true),
            new Rule(HeaderField.MM_FLAGS, Requirement.OPTIONAL, null, true),
            new Rule(HeaderField.START, Requirement.OPTIONAL, null, false),
            new Rule(HeaderField.LIMIT, Requirement.OPTIONAL, null, false),
            new Rule(HeaderField.ATTRIBUTES, Requirement.OPTIONAL, null, true),
            new Rule(HeaderField.MBOX_TOTALS, Requirement.OPTIONAL, null, true),
            new Rule(HeaderField.MBOX_QUOTAS, Requirement.OPTIONAL, null, true),
            new Rule(HeaderField.MESSAGE_COUNT, Requirement.OPTIONAL, null, false),
            new Rule(HeaderField.CONTENT_TYPE, Requirement.MANDATORY, null, false)));
    RULES.put(
        MessageType.MBOX_UPLOAD_REQ,
        List.of(
            new Rule(HeaderField.MESSAGE_TYPE, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.TRANSACTION_ID, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.MMS_VERSION, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.MM_STATE, Requirement.OPTIONAL, null, false),
            new Rule(HeaderField.MM_FLAGS, Requirement.OPTIONAL, null, true),
            new Rule(HeaderField.CONTENT_TYPE, Requirement.MANDATORY, null, false)));
    RULES.put(
        MessageType.MBOX_UPLOAD_CONF,
        List.of(
            new Rule(HeaderField.MESSAGE_TYPE, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.TRANSACTION_ID, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.MMS_VERSION, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.CONTENT_LOCATION, Requirement.CONDITIONAL, null, false),
            new Rule(HeaderField.STORE_STATUS, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.STORE_STATUS_TEXT, Requirement.OPTIONAL, null, false)));
    RULES.put(
        MessageType.MBOX_DELETE_REQ,
        List.of(
            new Rule(HeaderField.MESSAGE_TYPE, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.TRANSACTION_ID, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.MMS_VERSION, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.CONTENT_LOCATION, Requirement.MANDATORY, null, true)));
    RULES.put(
        MessageType.MBOX_DELETE_CONF,
        List.of(
            new Rule(HeaderField.MESSAGE_TYPE, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.TRANSACTION_ID, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.MMS_VERSION, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.RESPONSE_STATUS, Requirement.MANDATORY, null, true),
            new Rule(HeaderField.RESPONSE_TEXT, Requirement.OPTIONAL, null, true),
            new Rule(HeaderField.CONTENT_LOCATION, Requirement.OPTIONAL, null, true)));
    RULES.put(
        MessageType.MBOX_DESCR,
        List.of(
            new Rule(HeaderField.MESSAGE_TYPE, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.TRANSACTION_ID, Requirement.OPTIONAL, null, false),
            new Rule(HeaderField.MMS_VERSION, Requirement.OPTIONAL, null, false),
            new Rule(HeaderField.CONTENT_LOCATION, Requirement.OPTIONAL, null, false),
            new Rule(HeaderField.MESSAGE_ID, Requirement.OPTIONAL, null, false),
            new Rule(HeaderField.MM_STATE, Requirement.OPTIONAL, null, false),
            new Rule(HeaderField.MM_FLAGS, Requirement.OPTIONAL, null, true),
            new Rule(HeaderField.DATE, Requirement.OPTIONAL, null, false),
            new Rule(HeaderField.FROM, Requirement.OPTIONAL, null, false),
            new Rule(HeaderField.TO, Requirement.OPTIONAL, null, true),
            new Rule(HeaderField.CC, Requirement.OPTIONAL, null, true),
            new Rule(HeaderField.BCC, Requirement.OPTIONAL, null, true),
            new Rule(HeaderField.MESSAGE_CLASS, Requirement.OPTIONAL, null, false),
            new Rule(HeaderField.SUBJECT, Requirement.OPTIONAL, null, false),
            new Rule(HeaderField.PRIORITY, Requirement.OPTIONAL, null, false),
            new Rule(HeaderField.DELIVERY_TIME, Requirement.OPTIONAL, null, false),
            new Rule(HeaderField.EXPIRY, Requirement.OPTIONAL, null, false),
            new Rule(HeaderField.DELIVERY_REPORT, Requirement.OPTIONAL, null, false),
            new Rule(HeaderField.READ_REPORT, Requirement.OPTIONAL, null, false),
            new Rule(HeaderField.MESSAGE_SIZE, Requirement.OPTIONAL, null, false),
            new Rule(HeaderField.REPLY_CHARGING, Requirement.OPTIONAL, null, false),
            new Rule(HeaderField.REPLY_CHARGING_DEADLINE, Requirement.OPTIONAL, null, false),
            new Rule(HeaderField.REPLY_CHARGING_SIZE, Requirement.OPTIONAL, null, false),
            new Rule(HeaderField.REPLY_CHARGING_ID, Requirement.OPTIONAL, null, false),
            new Rule(HeaderField.PREVIOUSLY_SENT_BY, Requirement.OPTIONAL, null, true),
            new Rule(HeaderField.PREVIOUSLY_SENT_DATE, Requirement.OPTIONAL, null, true),
            new Rule(HeaderField.CONTENT_TYPE, Requirement.OPTIONAL, null, false)));
    RULES.put(
        MessageType.DELETE_REQ,
        List.of(
            new Rule(HeaderField.MESSAGE_TYPE, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.TRANSACTION_ID, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.MMS_VERSION, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.CONTENT_LOCATION, Requirement.MANDATORY, null, true)));
    RULES.put(
        MessageType.DELETE_CONF,
        List.of(
            new Rule(HeaderField.MESSAGE_TYPE, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.TRANSACTION_ID, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.MMS_VERSION, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.RESPONSE_STATUS, Requirement.MANDATORY, null, true),
            new Rule(HeaderField.RESPONSE_TEXT, Requirement.OPTIONAL, null, true),
            new Rule(HeaderField.CONTENT_LOCATION, Requirement.OPTIONAL, null, true)));
    RULES.put(
        MessageType.CANCEL_REQ,
        List.of(
            new Rule(HeaderField.MESSAGE_TYPE, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.TRANSACTION_ID, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.MMS_VERSION, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.CANCEL_ID, Requirement.MANDATORY, null, false)));
    RULES.put(
        MessageType.CANCEL_CONF,
        List.of(
            new Rule(HeaderField.MESSAGE_TYPE, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.TRANSACTION_ID, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.MMS_VERSION, Requirement.MANDATORY, null, false),
            new Rule(HeaderField.CANCEL_STATUS, Requirement.OPTIONAL, null, false)));
  }

  private PduRules() {}

  /** The fields a PDU type carries, in the specification's order. */
  public static List<Rule> rules(MessageType type) {
    return RULES.get(type);
  }

  /** The rule for a field in a PDU type, or {@code null} when the type does not carry it. */
  public static Rule rule(MessageType type, HeaderField<?> field) {
    for (Rule r : RULES.get(type)) {
      if (r.field().code() == field.code() && field.code() >= 0) {
        return r;
      }
    }
    return null;
  }

  static void checkMandatory(MessageType type, List<Header> headers, Body body) {
    List<String> missing = new ArrayList<>();
    for (Rule r : RULES.get(type)) {
      if (r.requirement() != Requirement.MANDATORY) {
        continue;
      }
      boolean found = false;
      for (Header h : headers) {
        if (h.field().code() == r.field().code()) {
          found = true;
          break;
        }
      }
      if (!found) {
        missing.add(r.field().name());
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException(
          type.wireName() + " lacks mandatory header(s): " + String.join(", ", missing));
    }
    boolean hasType = headers.stream().anyMatch(h -> h.field().code() == 0x04);
    if (hasType != (body != null)) {
      throw new IllegalStateException(
          type.wireName() + ": a body and its Content-Type go together (see body(...))");
    }
  }
}
