/**
 * Intra-MMSE routing among several MMS Relay/Servers (provisional API).
 *
 * <p>The design is argued in {@code docs/routing-extension.md}. In short: Relay/Servers of one
 * MMSE pass messages and reports among themselves as ordinary MM4 requests (or binary PDUs)
 * carrying extension header fields under the prefix {@code X-Mms-Routing-}; legacy receivers
 * ignore them. Every Relay/Server runs the same deterministic routing function ({@link
 * org.mmsstack.routing.Router}) on versioned routing data; the Message-ID carries the
 * originator's home Relay/Server ({@link org.mmsstack.routing.MessageIds}) so reports find their
 * way back without shared state.
 *
 * <ul>
 *   <li>{@link org.mmsstack.routing.RoutingFields}, {@link org.mmsstack.routing.RelayId},
 *       {@link org.mmsstack.routing.Recipient}: the typed extension fields;</li>
 *   <li>{@link org.mmsstack.routing.RoutingHeaders}: renders and parses them as (name, value)
 *       pairs; {@link org.mmsstack.routing.RoutingPdus} and {@link org.mmsstack.routing.RoutingMm4}
 *       put them on and take them off binary PDUs and whole MM4 messages;</li>
 *   <li>{@link org.mmsstack.routing.RoutingSigner}, {@link org.mmsstack.routing.RoutingVerifier},
 *       {@link org.mmsstack.routing.KeyRing}: Ed25519 signatures over the fields;
 *       {@link org.mmsstack.routing.KeyRingCodec}: the key ring text format;</li>
 *   <li>{@link org.mmsstack.routing.RoutingDataConfig},
 *       {@link org.mmsstack.routing.RoutingDataFormatException},
 *       {@link org.mmsstack.routing.RoutingFindingCodes}: limits, the one exception and the
 *       finding codes of both routing data formats (key ring and routing table);</li>
 *   <li>{@link org.mmsstack.routing.LoopGuard}, {@link org.mmsstack.routing.BorderFilter}:
 *       loop and hop-limit checks, and what happens at the edge of the MMSE;</li>
 *   <li>{@link org.mmsstack.routing.Router}, {@link org.mmsstack.routing.RouteLookup},
 *       {@link org.mmsstack.routing.TableRouteLookup}, {@link org.mmsstack.routing.RouteDecision}:
 *       the routing function; {@link org.mmsstack.routing.RouteTarget} (with
 *       {@link org.mmsstack.routing.RejectReason}): the one target type, which the routing table
 *       returns too.</li>
 * </ul>
 *
 * <p>Every public type here is {@link org.mmsstack.routing.Provisional}.
 */
@Provisional
package org.mmsstack.routing;
