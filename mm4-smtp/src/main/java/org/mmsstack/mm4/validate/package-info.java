/**
 * Validation of MM4 messages against TS 23.140 ({@link org.mmsstack.mm4.validate.Mm4Validator},
 * which returns the {@link org.mmsstack.encapsulation.validate.ValidationReport} PDUs use) and the
 * stable codes of every MM4 finding ({@link org.mmsstack.mm4.validate.Mm4FindingCodes}).
 */
package org.mmsstack.mm4.validate;
