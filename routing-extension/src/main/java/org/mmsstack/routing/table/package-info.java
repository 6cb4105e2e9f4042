/**
 * The routing data of an MMSE with several MMS Relay/Servers and its lookup: the one
 * deterministic function every Relay/Server applies to the same versioned data.
 *
 * <ul>
 *   <li>{@link org.mmsstack.routing.table.RoutingTable}: an immutable, versioned table of E.164
 *       number-range prefixes (longest match), per-number overrides (ported or moved
 *       subscribers; an override beats any prefix), domain suffixes (longest match on label
 *       boundaries, case-insensitive) and a default route, with allocation-free lookups.</li>
 *   <li>{@link org.mmsstack.routing.RouteTarget} (in the parent package, the one target
 *       type of the extension): what a lookup returns, one of a Relay/Server of this MMSE
 *       ({@link org.mmsstack.routing.RelayId}), a foreign MMSE (an MM4 domain) or a rejection
 *       ({@link org.mmsstack.routing.RejectReason}, which carries the status to answer with).</li>
 *   <li>{@link org.mmsstack.routing.table.RoutingTables}: the holder a Relay/Server reads on every
 *       decision; it swaps table versions atomically, keeps the previous version live during a
 *       transition and notifies listeners.</li>
 *   <li>{@link org.mmsstack.routing.table.RoutingTableBuilder}: builds a table in code.</li>
 *   <li>{@link org.mmsstack.routing.table.RoutingTableCodec}: the line-oriented text format
 *       ({@code docs/routing-table-format.md}), static {@code decode}/{@code encode} with a
 *       {@link org.mmsstack.routing.RoutingDataConfig}; every problem in a file is reported as a
 *       finding with its line and column through the one exception of routing data,
 *       {@link org.mmsstack.routing.RoutingDataFormatException}.</li>
 * </ul>
 *
 * <p>Every public type here is {@link org.mmsstack.routing.Provisional}: the routing extension
 * is a proposal, and its shape may change.
 */
@Provisional
package org.mmsstack.routing.table;

import org.mmsstack.routing.Provisional;
