/** Benchmarks of the mms command-line tool's hot path. */
package org.mmsstack.benchmarks.cli;
