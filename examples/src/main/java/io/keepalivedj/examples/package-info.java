/**
 * Example programs: the keepalivedj daemon, an embedding example, the DR real-server helper and the network-namespace lab.
 */
package io.keepalivedj.examples;
