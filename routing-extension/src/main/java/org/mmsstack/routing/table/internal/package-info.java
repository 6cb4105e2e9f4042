/**
 * Hidden implementation of the routing table: the digit-string key encoding, the open-addressing
 * tables over primitive arrays that hold number ranges, overrides and domain suffixes, and the
 * byte-level helpers of the file parser. Nothing here is exported; the types may change at any
 * time.
 */
package org.mmsstack.routing.table.internal;
