/**
 * Routing data of the routing extension in Apache ZooKeeper, through Apache Curator: a {@link
 * org.mmsstack.routing.data.RoutingDataSource} every Relay/Server runs and a {@link
 * org.mmsstack.routing.data.RoutingDataPublisher}, made by {@link
 * org.mmsstack.routing.zookeeper.ZooKeeperRoutingData}. It keeps the routing-extension module
 * itself free of ZooKeeper.
 *
 * <p>The jar is not a named module: ZooKeeper's two jars ({@code zookeeper}, {@code
 * zookeeper-jute}) share packages, so they cannot be on the module path together; use it on the
 * class path (its automatic module name is {@code org.mmsstack.routing.zookeeper}). Every public
 * type is {@link org.mmsstack.routing.Provisional}.
 */
@Provisional
package org.mmsstack.routing.zookeeper;

import org.mmsstack.routing.Provisional;
