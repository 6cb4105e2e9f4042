/** Placeholder until this module's issue lands. */
package org.mmsstack.encapsulation;
