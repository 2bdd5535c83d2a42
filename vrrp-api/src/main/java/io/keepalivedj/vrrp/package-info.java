/**
 * The VRRP engine's public surface (RFC 3768 for v2, RFC 5798 for v3): immutable instance specifications, router states, events, listeners and the SPIs a runtime needs (transport, address manager, clock).
 */
package io.keepalivedj.vrrp;
