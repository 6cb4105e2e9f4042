/**
 * The routing lab: {@link org.mmsstack.lab.Lab} starts extended and legacy {@link
 * org.mmsstack.lab.LabRelay Relay/Servers} on loopback ports, publishes routing data through a
 * watched directory (or a ZooKeeper ensemble), drives simulated phones over MM1 (HTTP), switches the routing table and
 * restarts a node in the middle of the traffic, and accounts for every (message, recipient) and
 * every report in a {@link org.mmsstack.lab.LabReport}.
 *
 * <p>Between the nodes everything is real: MM4 over SMTP with the project's receiver and client,
 * signed routing fields, the border filter towards legacy nodes, Message-IDs that name the
 * originator's home. What is simulated: phones (an HTTP client per submission, notifications
 * handed over in memory instead of WAP push) and persistence (a node's store is memory that
 * outlives a restart of its endpoints and workers).
 */
package org.mmsstack.lab;
