/**
 * The MIME model of MM4 content: {@link org.mmsstack.mm4.mime.MimeEntity} (header fields and data
 * or parts), its header fields ({@link org.mmsstack.mm4.mime.Mm4Headers}, {@link
 * org.mmsstack.mm4.mime.Mm4Header}) and the typed values of its Content-* fields. The types are
 * immutable and thread-safe; a decoded entity views the decoded input (see {@link
 * org.mmsstack.mm4.mime.MimeEntity}). Parsing and writing happen here, behind {@link
 * org.mmsstack.mm4.Mm4Codec}; the syntax helpers are in a package that is not exported.
 */
package org.mmsstack.mm4.mime;
