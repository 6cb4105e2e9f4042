/**
 * Wire helpers of the routing extension: printable-ASCII value syntax, base32/base64url, the
 * canonical byte serialisation that signatures cover, and the Bouncy Castle calls. Not exported.
 */
package org.mmsstack.routing.internal;
