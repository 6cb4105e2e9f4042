/**
 * Where PDUs and MM4 messages come from: files and directories named on the command line, each
 * read by the first {@link org.mmsstack.cli.input.InputSource} that recognises it by content
 * (raw PDU, hex dump, WSP push, packet capture, MM4 mail), into
 * {@link org.mmsstack.cli.input.InputItem}s.
 */
package org.mmsstack.cli.input;
