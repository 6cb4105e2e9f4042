/** Decoding and checking one PDU, the same way for every command. */
package org.mmsstack.cli.check;
