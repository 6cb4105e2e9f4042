/**
 * Wire-level helpers of the SMTP transport: bounded line reading, DATA encoding, the receiver's
 * command parser and session state machine. Not part of the API; not exported.
 */
package org.mmsstack.mm4.smtp.internal;
