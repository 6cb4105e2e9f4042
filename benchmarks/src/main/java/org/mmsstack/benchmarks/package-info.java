/** JMH benchmarks of the hot paths; run them as the README's benchmark section shows. */
package org.mmsstack.benchmarks;
