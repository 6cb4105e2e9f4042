/**
 * MM4 header values that have no MM1 counterpart of the same shape: mail addresses ({@link
 * org.mmsstack.mm4.value.Mm4Address}), the status codes of TS 23.140's MM4 responses and reports,
 * Yes/No, and the previously-sent entries (which carry a mail address and a date with its zone
 * offset). Values MM4 shares with MM1 (priority, read status, sender visibility, message and
 * content class) are the types of {@code org.mmsstack.encapsulation.value}, read from and written
 * as their TS 23.140 token, which is their {@code name()}.
 *
 * <p>All types here are immutable and thread-safe.
 */
package org.mmsstack.mm4.value;
