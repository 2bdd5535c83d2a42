/**
 * keepalived's health checkers and the scheduler that runs thousands of them on one event-loop
 * thread with keepalived's retry semantics (keepalived.conf(5), "virtual_server" and checker
 * sections, keepalived 2.2.7).
 *
 * <p>Pieces: immutable specs ({@link io.keepalivedj.check.CheckSpec} over
 * {@link io.keepalivedj.check.HttpGetCheck} (HTTP_GET and SSL_GET), {@link io.keepalivedj.check.TcpCheck},
 * {@link io.keepalivedj.check.MiscCheck}, {@link io.keepalivedj.check.DnsCheck},
 * {@link io.keepalivedj.check.SmtpCheck}, {@link io.keepalivedj.check.UdpCheck},
 * {@link io.keepalivedj.check.PingCheck} (ICMP echo on ping sockets, through linux-net) and
 * {@link io.keepalivedj.check.FileCheck}); the pure retry logic
 * ({@link io.keepalivedj.check.CheckerStateMachine}); checkers on
 * {@link io.keepalivedj.check.NioEventLoop}; {@link io.keepalivedj.check.CheckScheduler} over an
 * {@link io.keepalivedj.check.EventLoop}, with {@link io.keepalivedj.check.VirtualEventLoop} and
 * {@link io.keepalivedj.check.InMemoryCheckRunner} as the deterministic twins; and
 * {@link io.keepalivedj.check.Genhash}.
 */
package io.keepalivedj.check;
