/** The sample PDUs the project ships in {@code samples/}, made with the codec's builders. */
package org.mmsstack.cli.samples;
