/**
 * Where PDUs come from: files and directories named on the command line, each read by the
 * first {@link org.mmsstack.cli.input.InputSource} that recognises it (raw PDU, hex dump, WSP
 * push, packet capture), into {@link org.mmsstack.cli.input.InputItem}s.
 */
package org.mmsstack.cli.input;
