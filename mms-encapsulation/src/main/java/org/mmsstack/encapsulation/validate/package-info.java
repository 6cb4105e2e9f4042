/**
 * Validation of MMS PDUs against OMA MMS Encapsulation 1.0-1.3: {@link
 * org.mmsstack.encapsulation.validate.PduValidator} reports every departure from the specification
 * as a {@link org.mmsstack.encapsulation.Finding} (severity, byte offset from the start of the
 * PDU or -1 for the PDU as a whole, header name, stable code, message), and {@link
 * org.mmsstack.encapsulation.validate.ValidationReport} counts them.
 *
 * <pre>{@code
 * ValidationReport report = PduValidator.validate(bytes);
 * report.findings().forEach(System.out::println);
 * boolean usable = !report.hasErrors();
 * }</pre>
 *
 * <p>Severities: {@code ERROR} breaks the specification (strict decoding refuses it or a peer
 * may); {@code WARNING} is legal or tolerated but known to trouble peers; {@code INFO} is worth
 * knowing and harmless. The reference column names the rule of OMA MMS Encapsulation
 * 1.0-1.3 a code rests on, and sections of WAP-230 (WSP) and RFCs where they apply.
 *
 * <h2>Codes reported by the validator</h2>
 *
 * <p>Every code of both tables is a constant of {@link
 * org.mmsstack.encapsulation.validate.FindingCodes}.
 *
 * <table class="striped">
 * <caption>Validator rules</caption>
 * <thead><tr><th>code</th><th>severity</th><th>meaning</th><th>reference</th></tr></thead>
 * <tbody>
 * <tr><td>{@code undecodable-<reason>}</td><td>ERROR</td><td>the octets cannot be decoded at all;
 *     {@code <reason>} is the {@link org.mmsstack.encapsulation.PduFormatException.Reason} in kebab
 *     case ({@code undecodable-not-a-pdu}, {@code undecodable-truncated},
 *     {@code undecodable-length-past-end}, ...). It is then the only finding.</td>
 *     <td>PDU layout, WSP encodings; WAP-230 8.4</td></tr>
 * <tr><td>{@code missing-mandatory-header}</td><td>ERROR</td><td>a header the PDU type requires
 *     (at the declared version) is absent; offset -1, header = the missing field</td>
 *     <td>header sets per PDU type</td></tr>
 * <tr><td>{@code message-type-newer-than-version}</td><td>WARNING</td><td>the PDU type was
 *     introduced after the declared X-Mms-MMS-Version</td><td>message types by version</td></tr>
 * <tr><td>{@code header-newer-than-version}</td><td>WARNING</td><td>the header (or its use in
 *     this PDU type) is newer than the declared X-Mms-MMS-Version; real PDUs do this, e.g. a 1.0
 *     m-retrieve-conf with the 1.1 X-Mms-Retrieve-Status</td><td>header fields, header sets per PDU type</td></tr>
 * <tr><td>{@code header-not-allowed}</td><td>WARNING</td><td>a known header that the PDU type
 *     does not carry (receivers ignore it)</td><td>header sets per PDU type</td></tr>
 * <tr><td>{@code application-header}</td><td>INFO</td><td>an Application-header (textual name):
 *     legal extension, outside the type's header set</td><td>Application-header</td></tr>
 * <tr><td>{@code application-header-name}</td><td>ERROR</td><td>an Application-header name
 *     that is not a Token-text (separators, blanks, octets of 0x80 or more): usually a sign that
 *     the decoder lost its place in the header run</td><td>Text-string, Application-header</td></tr>
 * <tr><td>{@code unknown-header}</td><td>INFO</td><td>an unassigned header code, skipped and kept
 *     (also reported by decoding)</td><td>skipping unknown values, header fields</td></tr>
 * <tr><td>{@code header-order}</td><td>ERROR</td><td>X-Mms-Message-Type not first,
 *     X-Mms-Transaction-ID (when present) not second, X-Mms-MMS-Version not next, or Content-Type
 *     not last</td><td>PDU layout</td></tr>
 * <tr><td>{@code duplicate-header}</td><td>ERROR</td><td>a header that may occur once in the PDU
 *     type occurs again; reported at each extra occurrence, naming which one and where the first
 *     was</td><td>repeatable header fields, header sets per PDU type</td></tr>
 * <tr><td>{@code unknown-token}</td><td>WARNING</td><td>an enumerated octet (Priority, Status,
 *     Response-Status, ...) that the specification does not define; kept and re-encoded as
 *     is</td><td>enumerated values</td></tr>
 * <tr><td>{@code unsupported-version}</td><td>WARNING</td><td>X-Mms-MMS-Version outside
 *     1.0-1.3</td><td>Version-value</td></tr>
 * <tr><td>{@code trailing-octets}</td><td>ERROR</td><td>octets after the last header of a PDU
 *     without a body (lenient decoding keeps them)</td><td>skipping unknown values</td></tr>
 * <tr><td>{@code multipart-start-unmatched}</td><td>WARNING</td><td>the multipart/related
 *     {@code start} parameter matches no part's Content-ID (compared without quotes and angle
 *     brackets)</td><td>Content-Type parameters, part headers; RFC 2387</td></tr>
 * <tr><td>{@code multipart-type-mismatch}</td><td>WARNING</td><td>the multipart/related
 *     {@code type} parameter differs from the root part's media type (the part named by
 *     {@code start}, else the first)</td><td>Content-Type parameters; RFC 2387</td></tr>
 * <tr><td>{@code nested-multipart-malformed}</td><td>ERROR</td><td>a part typed as a multipart
 *     whose data is not a multipart body (lengths past the end, truncation, limits); the
 *     decoder keeps nested bodies opaque, the validator decodes them (up to
 *     {@link org.mmsstack.encapsulation.DecodeConfig#maxNestingDepth()})</td><td>multipart layout</td></tr>
 * <tr><td>{@code unknown-charset}</td><td>WARNING</td><td>an Encoded-string-value Char-set or a
 *     {@code charset} parameter (PDU or part Content-Type) that names no known character
 *     set</td><td>Encoded-string-value, Content-Type parameters</td></tr>
 * </tbody>
 * </table>
 *
 * <h2>Codes passed through from decoding</h2>
 *
 * <p>{@link org.mmsstack.encapsulation.Pdu#findings()} are part of every result, with their
 * own codes (constants of {@link org.mmsstack.encapsulation.validate.FindingCodes} too);
 * findings of nested multiparts carry the same codes with the part as header
 * ({@code multipart entry 0.1}).
 *
 * <table class="striped">
 * <caption>Decoding findings</caption>
 * <thead><tr><th>code</th><th>severity</th><th>meaning</th><th>reference</th></tr></thead>
 * <tbody>
 * <tr><td>{@code malformed-value}</td><td>ERROR</td><td>a header value that does not follow its
 *     grammar (Yes/No other than 0x80/0x81, a bad token, a Value-length of 0x20 or more ...),
 *     kept as raw octets</td><td>WSP encodings, header fields, enumerated values</td></tr>
 * <tr><td>{@code value-length-mismatch}</td><td>ERROR</td><td>a From or Expiry-like value whose
 *     Value-length disagrees with the value's own end (its 0x00, its Long-integer length), where
 *     only the value's own end leaves the next octet at a header: that reading is taken (as AOSP
 *     reads it) and the value kept as raw octets</td><td>Value-length, Encoded-string-value</td></tr>
 * <tr><td>{@code version-not-short-integer}</td><td>ERROR</td><td>X-Mms-MMS-Version without the
 *     high bit (read as the version it obviously means)</td><td>Version-value</td></tr>
 * <tr><td>{@code duplicate-message-type}</td><td>ERROR</td><td>X-Mms-Message-Type again</td>
 *     <td>PDU layout</td></tr>
 * <tr><td>{@code invalid-header-start}</td><td>ERROR</td><td>0x00-0x1F or 0x7F where a header
 *     must start; the rest is kept as trailing octets</td><td>skipping unknown values</td></tr>
 * <tr><td>{@code application-header-value}</td><td>ERROR</td><td>an Application-header value
 *     that is not text</td><td>Application-header</td></tr>
 * <tr><td>{@code excess-octets}</td><td>ERROR</td><td>octets inside a Value-length that the
 *     value's grammar does not use</td><td>WAP-230 8.4.2</td></tr>
 * <tr><td>{@code unterminated-text}</td><td>ERROR</td><td>Encoded-string-value text without its
 *     End-of-string</td><td>Encoded-string-value</td></tr>
 * <tr><td>{@code multipart-count-mismatch}</td><td>ERROR / WARNING</td><td>a multipart holds
 *     fewer (ERROR) or more (WARNING) entries than it announces</td><td>multipart layout</td></tr>
 * <tr><td>{@code unknown-header}</td><td>INFO</td><td>see above</td><td>skipping unknown values</td></tr>
 * <tr><td>{@code missing-quote}</td><td>WARNING</td><td>text starting with an octet of 0x80 or
 *     more without the Quote</td><td>Text-string, Encoded-string-value</td></tr>
 * <tr><td>{@code superfluous-quote}</td><td>WARNING</td><td>a Quote before text that does not
 *     need one</td><td>Text-string</td></tr>
 * <tr><td>{@code short-delta-seconds}</td><td>WARNING</td><td>Delta-seconds as a Short-integer,
 *     which several decoders refuse</td><td>dates and intervals</td></tr>
 * <tr><td>{@code unknown-parameter}</td><td>WARNING</td><td>an unassigned well-known parameter
 *     token</td><td>Content-Type parameters</td></tr>
 * <tr><td>{@code non-canonical-integer}</td><td>INFO</td><td>an integer in a non-canonical form
 *     (Long-integer of no octets, Short-integer for a Long-integer)</td><td>integers</td></tr>
 * <tr><td>{@code trailing-quote}</td><td>INFO</td><td>a Quoted-string sent with a closing
 *     quote</td><td>Text-string, part headers</td></tr>
 * </tbody>
 * </table>
 */
package org.mmsstack.encapsulation.validate;
