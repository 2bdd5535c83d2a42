/** The {@code keepalivedj} daemon: keepalived's command line over Keepalived/J. */
package io.keepalivedj.examples.daemon;
