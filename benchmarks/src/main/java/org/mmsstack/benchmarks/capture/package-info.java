/** Benchmarks of the capture reader ({@code mms-capture}). */
package org.mmsstack.benchmarks.capture;
