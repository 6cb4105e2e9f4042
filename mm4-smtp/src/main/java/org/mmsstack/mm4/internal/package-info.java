/**
 * Internals of the MM4 codec shared by its exported packages, not exported: reading and writing
 * typed header values, the mandatory-element rules, the validation checks (run by decoding and by
 * the validator) and the bridge from the message layer to the MIME model's internals.
 */
package org.mmsstack.mm4.internal;
