package io.keepalivedj.config.bind;

import io.keepalivedj.config.model.ServerOptionsBuilder;
import io.keepalivedj.config.tree.ConfigNode;
import java.time.Duration;

/**
 * The keywords {@code virtual_server} and {@code real_server} read alike (keepalived 2.2.7
 * check_parser.c), so that both blocks give the same ranges and messages. {@code alpha} and
 * {@code inhibit_on_failure} are not among them: a virtual server takes them bare, a real server
 * with an optional {@code <BOOL>}.
 */
final class ServerOptionsBinder {
  private ServerOptionsBinder() {}

  /**
   * Reads {@code n} into {@code b} when it is one of the shared keywords; returns whether it was.
   *
   * @param owner the block for messages: "virtual server" or "real server"
   */
  static boolean read(ConfigNode n, BindContext ctx, String owner, ServerOptionsBuilder<?> b) {
    switch (n.name()) {
      case "retry":
        ctx.longArg(n, 0, 1, LvsValues.UINT32_MAX).ifPresent(b::retry);
        return true;
      case "delay_before_retry":
        ctx.timerArg(n, 0, Duration.ZERO, LvsValues.TIMER_MAX).ifPresent(b::delayBeforeRetry);
        return true;
      case "warmup":
        ctx.timerArg(n, 0, Duration.ZERO, LvsValues.TIMER_MAX).ifPresent(b::warmup);
        return true;
      case "connect_timeout":
        ctx.timerArg(n, 0, LvsValues.MICROSECOND, LvsValues.CONNECT_TIMEOUT_MAX).ifPresent(b::connectTimeout);
        return true;
      case "delay_loop":
        ctx.timerArg(n, 0, LvsValues.MICROSECOND, LvsValues.TIMER_MAX).ifPresent(b::delayLoop);
        return true;
      case "smtp_alert":
        LvsValues.optionalBool(n, ctx).ifPresent(b::smtpAlert);
        return true;
      case "virtualhost":
        LvsValues.text(n, ctx, "a host name").ifPresent(b::virtualhost);
        return true;
      case "snmp_name":
        if (n.argCount() != 1) {
          ctx.error(n, owner + " snmp_name missing or extra parameters", "snmp_name NAME");
        } else {
          b.snmpName(n.args().get(0).text());
        }
        return true;
      default:
        return false;
    }
  }
}
