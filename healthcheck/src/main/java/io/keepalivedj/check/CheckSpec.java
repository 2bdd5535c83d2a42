package io.keepalivedj.check;

/**
 * One configured checker (a {@code HTTP_GET { }}, {@code TCP_CHECK { }}, ... block of a
 * real_server), with its options already resolved.
 */
public sealed interface CheckSpec permits HttpGetCheck, TcpCheck, MiscCheck, DnsCheck, SmtpCheck, UdpCheck, PingCheck, FileCheck {

    CheckTarget target();

    CheckOptions options();

    CheckType type();
}
