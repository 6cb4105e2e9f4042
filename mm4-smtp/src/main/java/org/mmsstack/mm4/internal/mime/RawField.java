package org.mmsstack.mm4.internal.mime;

/**
 * One header field as it sits in the input: its name, its unfolded value, and where its raw
 * bytes are ({@code start} up to {@code end}, line end included).
 *
 * @param name the field name as written
 * @param value the unfolded value without leading and trailing white space
 * @param start offset of the first byte of the name
 * @param end offset after the line end of the last line
 * @param canonical whether every line of the field ended in CRLF (only then are the raw bytes
 *     worth writing back)
 */
public record RawField(String name, String value, int start, int end, boolean canonical) {}
