/**
 * Routing data as a distributed, versioned unit: how a new version of the routing table, key ring
 * and Message-ID secrets reaches every Relay/Server of the MMSE at once.
 *
 * <ul>
 *   <li>{@link org.mmsstack.routing.data.RoutingData}: one immutable version (table, key ring,
 *       {@link org.mmsstack.routing.data.MessageIdSecrets}) with a content digest; {@link
 *       org.mmsstack.routing.data.RoutingDataCodec} reads it from its three files or a bundle
 *       and writes the bundle; {@link org.mmsstack.routing.data.MessageIdSecretsCodec} is the
 *       secrets file format.
 *   <li>{@link org.mmsstack.routing.data.RoutingDataSource}: what a node watches. It installs
 *       each new version whole into its {@link org.mmsstack.routing.table.RoutingTables} (the
 *       previous version stays live for the cut-over), reports the version it runs, and keeps
 *       routing on it when the store is lost ({@link
 *       org.mmsstack.routing.data.RoutingDataSourceStatus}).
 *   <li>{@link org.mmsstack.routing.data.RoutingDataPublisher}: publishes a version after {@link
 *       org.mmsstack.routing.data.RoutingDataValidator} found no error; a version number is used
 *       once ({@link org.mmsstack.routing.data.RoutingDataPublishException}).
 *   <li>{@link org.mmsstack.routing.data.DirectoryRoutingDataSource} and {@link
 *       org.mmsstack.routing.data.DirectoryRoutingDataPublisher}: the embedded store, a watched
 *       directory. The {@code routing-zookeeper} module has the Apache ZooKeeper store.
 * </ul>
 *
 * <p>Every public type here is {@link org.mmsstack.routing.Provisional}.
 */
@Provisional
package org.mmsstack.routing.data;

import org.mmsstack.routing.Provisional;
