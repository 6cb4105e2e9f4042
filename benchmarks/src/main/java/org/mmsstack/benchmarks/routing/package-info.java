/**
 * JMH benchmarks of the routing table: decisions per second on a table of one million number
 * ranges and one million overrides, load time of that table from its text file, and memory per
 * million entries. Data and lookup keys are generated from fixed seeds ({@link
 * org.mmsstack.benchmarks.routing.RoutingData}), so every run measures the same work.
 */
package org.mmsstack.benchmarks.routing;
