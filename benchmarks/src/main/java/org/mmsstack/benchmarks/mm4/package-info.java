/** JMH benchmarks of the MM4 codec: parsing and formatting of typical MM4 messages. */
package org.mmsstack.benchmarks.mm4;
