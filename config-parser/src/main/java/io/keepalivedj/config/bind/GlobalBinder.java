package io.keepalivedj.config.bind;

import java.util.regex.Pattern;
import io.keepalivedj.config.model.GlobalDefs;
import io.keepalivedj.config.model.IptablesChains;
import io.keepalivedj.config.model.LvsSyncDaemon;
import io.keepalivedj.config.model.LvsTimeouts;
import io.keepalivedj.config.model.OtherSetting;
import io.keepalivedj.config.model.ScriptUser;
import io.keepalivedj.config.model.SmtpServer;
import io.keepalivedj.config.tree.ConfigNode;
import io.keepalivedj.config.tree.Token;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Binds {@code global_defs} and the top-level process keywords ({@code net_namespace},
 * {@code instance}, ...) to {@link GlobalDefs}. Ranges and fallbacks follow keepalived 2.2.7's
 * global_parser.c; keywords it registers but the model does not type are kept as
 * {@link OtherSetting}s.
 */
final class GlobalBinder {
  private static final Pattern DIGITS_AND_DOTS = Pattern.compile("[0-9.]+");

  private GlobalBinder() {}

  /** Top-level keywords registered by install_keyword_root in global_parser.c. */
  private static final Set<String> TOP_LEVEL = Set.of("global_defs", "net_namespace", "net_namespace_ipvs",
      "namespace_with_ipsets", "use_pid_dir", "instance", "child_wait_time", "linkbeat_use_polling");

  /**
   * Every other keyword keepalived 2.2.7 registers inside {@code global_defs}
   * (init_global_keywords, including those of optional build features), kept as written.
   */
  static final Set<String> OTHER_KEYWORDS = Set.of(
      "process_names", "process_name", "vrrp_process_name", "checker_process_name", "lvs_process_name",
      "bfd_process_name", "startup_script", "startup_script_timeout", "shutdown_script",
      "shutdown_script_timeout", "checker_log_all_failures", "no_email_faults", "disable_local_igmp",
      "lvs_flush_on_stop", "lvs_flush_onstop", "vrrp_garp_extra_if", "vrrp_vmac_garp_intvl", "vrrp_ipsets",
      "nftables", "nftables_priority", "nftables_ifindex", "nftables_ipvs", "nftables_ipvs_priority",
      "nftables_ipvs_start_fwmark", "nftables_counters", "vrrp_priority", "vrrp_no_swap", "vrrp_rt_priority",
      "vrrp_cpu_affinity", "vrrp_rlimit_rttime", "vrrp_rlimit_rtime", "notify_fifo", "notify_fifo_script",
      "vrrp_notify_fifo", "vrrp_notify_fifo_script", "vrrp_notify_priority_changes",
      "fifo_write_vrrp_states_on_reload", "lvs_notify_fifo", "lvs_notify_fifo_script", "checker_priority",
      "checker_no_swap", "checker_rt_priority", "checker_cpu_affinity", "checker_rlimit_rttime",
      "checker_rlimit_rtime", "bfd_priority", "bfd_no_swap", "bfd_rt_priority", "bfd_cpu_affinity",
      "bfd_rlimit_rttime", "bfd_rlimit_rtime", "snmp_socket", "enable_traps", "enable_snmp_vrrp",
      "enable_snmp_keepalived", "enable_snmp_rfc", "enable_snmp_rfcv2", "enable_snmp_rfcv3",
      "enable_snmp_checker", "enable_dbus", "dbus_service_name", "vrrp_netlink_cmd_rcv_bufs",
      "vrrp_netlink_cmd_rcv_bufs_force", "vrrp_netlink_monitor_rcv_bufs", "vrrp_netlink_monitor_rcv_bufs_force",
      "process_monitor_rcv_bufs", "process_monitor_rcv_bufs_force", "lvs_netlink_cmd_rcv_bufs",
      "lvs_netlink_cmd_rcv_bufs_force", "lvs_netlink_monitor_rcv_bufs", "lvs_netlink_monitor_rcv_bufs_force",
      "rs_init_notifies", "no_checker_emails", "vrrp_rx_bufs_policy", "vrrp_rx_bufs_multiplier",
      "log_unknown_vrids", "vmac_prefix", "vmac_addr_prefix", "umask", "reload_check_config",
      "reload_time_file", "reload_repeat", "reload_file", "include_check", "config_save_dir",
      "tmp_config_directory", "data_use_instance");

  /** UINT_MAX / TIMER_HZ: the largest whole-second timer keepalived stores in microseconds. */
  static final long MAX_TIMER_SECONDS = 0xFFFF_FFFFL / 1_000_000L;

  static boolean handles(String topLevelKeyword) {
    return TOP_LEVEL.contains(topLevelKeyword);
  }

  static GlobalDefs bind(List<ConfigNode> roots, BindContext ctx) {
    GlobalDefs.Builder b = GlobalDefs.builder();
    boolean[] seen = new boolean[3]; // net_namespace, net_namespace_ipvs, instance
    for (ConfigNode root : roots) {
      switch (root.name()) {
        case "global_defs":
          if (ctx.requireBlock(root)) {
            State st = new State();
            for (ConfigNode n : root.children()) {
              bindGlobal(n, b, st, ctx);
            }
          }
          break;
        case "net_namespace":
          once(root, 0, seen, ctx).ifPresent(b::netNamespace);
          break;
        case "net_namespace_ipvs":
          once(root, 1, seen, ctx).ifPresent(b::netNamespaceIpvs);
          break;
        case "instance":
          once(root, 2, seen, ctx).ifPresent(b::instance);
          break;
        case "use_pid_dir":
          b.usePidDir(true);
          break;
        case "child_wait_time":
          ctx.longArg(root, 0, 0, 0xFFFF_FFFFL).ifPresent(s -> b.childWaitTime(Duration.ofSeconds(s)));
          break;
        case "linkbeat_use_polling":
          b.linkbeatUsePolling(true);
          break;
        case "namespace_with_ipsets":
          b.namespaceWithIpsets(true);
          break;
        default:
          break;
      }
    }
    return b.build();
  }

  /** Per-block state: what keepalived refuses to set twice. */
  private static final class State {
    boolean iptables;
    boolean syncDaemon;
  }

  private static Optional<String> once(ConfigNode node, int slot, boolean[] seen, BindContext ctx) {
    Optional<Token> name = ctx.arg(node, 0, "a name");
    if (name.isEmpty()) {
      return Optional.empty();
    }
    if (seen[slot]) {
      ctx.error(node, "duplicate " + node.name() + " definition, ignored", "one " + node.name());
      return Optional.empty();
    }
    seen[slot] = true;
    return Optional.of(name.get().text());
  }

  private static void bindGlobal(ConfigNode n, GlobalDefs.Builder b, State st, BindContext ctx) {
    switch (n.name()) {
      case "router_id" -> ctx.arg(n, 0, "a router id").ifPresent(t -> b.routerId(t.text()));
      case "notification_email" -> {
        if (ctx.requireBlock(n)) {
          if (n.children().isEmpty()) {
            ctx.warning(n, "empty notification_email block", "e-mail addresses, one a line");
          }
          for (ConfigNode line : n.children()) {
            b.notificationEmail(line.name());
            line.argTexts().forEach(b::notificationEmail);
          }
        }
      }
      case "notification_email_from" -> ctx.arg(n, 0, "an e-mail address").ifPresent(t -> b.notificationEmailFrom(t.text()));
      case "smtp_server" -> ctx.arg(n, 0, "an address or host name").ifPresent(host -> {
        // keepalived takes anything that is not an address literal as a host name and resolves it
        // at once; we never resolve, but text shaped like an address must be a valid one.
        String h = host.text();
        if ((DIGITS_AND_DOTS.matcher(h).matches() || h.indexOf(':') >= 0) && IpLiterals.parse(h).isEmpty()) {
          ctx.error(host, "invalid smtp server", "an IP address or a host name");
          return;
        }
        int port = SmtpServer.DEFAULT_PORT;
        if (n.argCount() >= 2) {
          OptionalInt p = ctx.parseInt(n.args().get(1), 1, 65535);
          if (p.isEmpty()) {
            return;
          }
          port = p.getAsInt();
        }
        b.smtpServer(new SmtpServer(host.text(), port));
      });
      case "smtp_helo_name" -> ctx.arg(n, 0, "a host name").ifPresent(t -> b.smtpHeloName(t.text()));
      case "smtp_connect_timeout" -> ctx.longArg(n, 0, 0, MAX_TIMER_SECONDS).ifPresent(s -> {
        if (s == 0) {
          ctx.error(n.args().get(0), "smtp_connect_timeout must be greater than 0, using 1", "seconds >= 1");
          s = 1;
        }
        b.smtpConnectTimeout(Duration.ofSeconds(s));
      });
      case "smtp_alert" -> b.smtpAlert(ctx.flag(n, 0));
      case "smtp_alert_vrrp" -> b.smtpAlertVrrp(ctx.flag(n, 0));
      case "smtp_alert_checker" -> b.smtpAlertChecker(ctx.flag(n, 0));
      case "enable_script_security" -> b.enableScriptSecurity(true);
      case "script_user" -> ctx.arg(n, 0, "a user name").ifPresent(u ->
          b.scriptUser(new ScriptUser(u.text(), n.arg(1))));
      case "vrrp_garp_master_delay" -> seconds(n, ctx).ifPresent(b::vrrpGarpMasterDelay);
      case "vrrp_garp_master_repeat" -> repeat(n, ctx).ifPresent(b::vrrpGarpMasterRepeat);
      case "vrrp_garp_master_refresh" -> ctx.longArg(n, 0, 0, 0xFFFF_FFFFL)
          .ifPresent(s -> b.vrrpGarpMasterRefresh(Duration.ofSeconds(s)));
      case "vrrp_garp_master_refresh_repeat" -> repeat(n, ctx).ifPresent(b::vrrpGarpMasterRefreshRepeat);
      case "vrrp_garp_lower_prio_delay" -> seconds(n, ctx).ifPresent(b::vrrpGarpLowerPrioDelay);
      case "vrrp_garp_lower_prio_repeat" -> ctx.intArg(n, 0, 0, Integer.MAX_VALUE).ifPresent(b::vrrpGarpLowerPrioRepeat);
      case "vrrp_garp_interval" -> ctx.timerArg(n, 0, Duration.ofNanos(1000), Duration.ofNanos(0xFFFF_FFFFL * 1000))
          .ifPresent(b::vrrpGarpInterval);
      case "vrrp_gna_interval" -> ctx.timerArg(n, 0, Duration.ofNanos(1000), Duration.ofNanos(0xFFFF_FFFFL * 1000))
          .ifPresent(b::vrrpGnaInterval);
      case "vrrp_min_garp" -> b.vrrpMinGarp(ctx.flag(n, 0));
      case "vrrp_down_timer_adverts" -> ctx.intArg(n, 0, 1, 100).ifPresent(b::vrrpDownTimerAdverts);
      case "vrrp_lower_prio_no_advert" -> b.vrrpLowerPrioNoAdvert(ctx.flag(n, 0));
      case "vrrp_higher_prio_send_advert" -> b.vrrpHigherPrioSendAdvert(ctx.flag(n, 0));
      case "vrrp_version" -> ctx.intArg(n, 0, 2, 3).ifPresent(b::vrrpVersion);
      case "vrrp_check_unicast_src" -> b.vrrpCheckUnicastSrc(true);
      case "vrrp_skip_check_adv_addr" -> b.vrrpSkipCheckAdvAddr(true);
      case "vrrp_strict" -> b.vrrpStrict(true);
      case "vrrp_mcast_group4" -> multicast(n, ctx, Inet4Address.class).ifPresent(b::vrrpMcastGroup4);
      case "vrrp_mcast_group6" -> multicast(n, ctx, Inet6Address.class).ifPresent(b::vrrpMcastGroup6);
      case "vrrp_iptables" -> {
        if (st.iptables) {
          ctx.error(n, "vrrp_iptables already specified, ignored", "one vrrp_iptables");
        } else if (n.argCount() == 0) {
          st.iptables = true;
          b.vrrpIptables(IptablesChains.defaults());
        } else if (n.args().stream().limit(2).anyMatch(t -> t.text().length() > 27)) {
          ctx.error(n, "iptables chain name too long", "at most 27 characters");
        } else {
          st.iptables = true;
          b.vrrpIptables(new IptablesChains(n.args().get(0).text(), n.arg(1)));
        }
      }
      case "vrrp_startup_delay" -> ctx.timerArg(n, 0, Duration.ofMillis(1), Duration.ofNanos(0xFFFF_FFFFL * 1000))
          .ifPresent(b::vrrpStartupDelay);
      case "lvs_flush" -> b.lvsFlush(true);
      case "lvs_sync_daemon" -> {
        if (st.syncDaemon) {
          ctx.error(n, "lvs_sync_daemon has already been specified, ignored", "one lvs_sync_daemon");
        } else {
          syncDaemon(n, ctx).ifPresent(d -> {
            st.syncDaemon = true;
            b.lvsSyncDaemon(d);
          });
        }
      }
      case "lvs_timeouts" -> lvsTimeouts(n, ctx).ifPresent(b::lvsTimeouts);
      case "dynamic_interfaces" -> {
        b.dynamicInterfaces(true);
        if (n.argCount() >= 1) {
          if (n.args().get(0).text().equals("allow_if_changes")) {
            b.allowIfChanges(true);
          } else {
            ctx.error(n.args().get(0), "unknown dynamic_interfaces option", "allow_if_changes");
          }
        }
      }
      case "default_interface" -> ctx.arg(n, 0, "an interface name").ifPresent(t -> {
        if (t.text().length() > 15) {
          ctx.error(t, "interface name too long", "at most 15 characters");
        } else {
          b.defaultInterface(t.text());
        }
      });
      case "max_auto_priority" -> {
        if (n.argCount() == 0) {
          b.maxAutoPriority(GlobalDefs.MAX_RT_PRIORITY);
        } else {
          ctx.intArg(n, 0, -1, GlobalDefs.MAX_RT_PRIORITY).ifPresent(b::maxAutoPriority);
        }
      }
      case "min_auto_priority_delay" -> ctx.intArg(n, 0, 1, 10_000_000)
          .ifPresent(us -> b.minAutoPriorityDelay(Duration.ofNanos(us * 1000L)));
      case "random_seed" -> ctx.longArg(n, 0, 0, 0xFFFF_FFFFL).ifPresent(b::randomSeed);
      default -> {
        if (OTHER_KEYWORDS.contains(n.name())) {
          b.otherSetting(otherSetting(n));
        } else {
          ctx.unknownKeyword(n, "global_defs");
        }
      }
    }
  }

  /** A keyword kept as written: its arguments, then the words of every line of its block. */
  static OtherSetting otherSetting(ConfigNode n) {
    List<String> words = new ArrayList<>(n.argTexts());
    for (ConfigNode c : n.children()) {
      words.add(c.name());
      words.addAll(c.argTexts());
    }
    return new OtherSetting(n.name(), words, n.position());
  }

  /** Whole seconds stored as microseconds by keepalived: 0 .. UINT_MAX/TIMER_HZ. */
  static Optional<Duration> seconds(ConfigNode n, BindContext ctx) {
    OptionalLong s = ctx.longArg(n, 0, 0, MAX_TIMER_SECONDS);
    return s.isPresent() ? Optional.of(Duration.ofSeconds(s.getAsLong())) : Optional.empty();
  }

  /** A GARP repeat count: 0 is accepted for compatibility, reported, and taken as 1. */
  static OptionalInt repeat(ConfigNode n, BindContext ctx) {
    OptionalLong v = ctx.longArg(n, 0, 0, 0xFFFF_FFFFL);
    if (v.isEmpty()) {
      return OptionalInt.empty();
    }
    if (v.getAsLong() == 0) {
      ctx.error(n.args().get(0), n.name() + " must be greater than 0, using 1", "a count >= 1");
      return OptionalInt.of(1);
    }
    return OptionalInt.of((int) Math.min(v.getAsLong(), Integer.MAX_VALUE));
  }

  private static Optional<InetAddress> multicast(ConfigNode n, BindContext ctx, Class<? extends InetAddress> family) {
    Optional<InetAddress> a = ctx.addressArg(n, 0);
    if (a.isEmpty()) {
      return a;
    }
    String fam = family == Inet4Address.class ? "IPv4" : "IPv6";
    if (!family.isInstance(a.get())) {
      ctx.error(n.args().get(0), n.name() + " is not " + fam, "an " + fam + " multicast address");
      return Optional.empty();
    }
    if (!a.get().isMulticastAddress()) {
      ctx.error(n.args().get(0), n.name() + " is not multicast", "an " + fam + " multicast address");
      return Optional.empty();
    }
    return a;
  }

  private static Optional<LvsSyncDaemon> syncDaemon(ConfigNode n, BindContext ctx) {
    Optional<Token> ifname = ctx.arg(n, 0, "an interface name");
    if (ifname.isEmpty()) {
      return Optional.empty();
    }
    if (ifname.get().text().length() > 15) {
      ctx.error(ifname.get(), "lvs_sync_daemon interface name too long", "at most 15 characters");
      return Optional.empty();
    }
    Optional<String> inst = Optional.empty();
    OptionalInt id = OptionalInt.empty();
    OptionalInt maxlen = OptionalInt.empty();
    OptionalInt port = OptionalInt.empty();
    OptionalInt ttl = OptionalInt.empty();
    Optional<InetAddress> group = Optional.empty();
    List<Token> a = n.args();
    for (int i = 1; i < a.size(); i++) {
      String w = a.get(i).text();
      boolean hasValue = i + 1 < a.size();
      switch (w) {
        case "inst", "id", "maxlen", "port", "ttl", "group" -> {
          if (!hasValue) {
            ctx.error(a.get(i), "no value for lvs_sync_daemon " + w, "a value after " + w);
            continue;
          }
          Token v = a.get(++i);
          switch (w) {
            case "inst" -> inst = Optional.of(v.text());
            case "id" -> id = ctx.parseInt(v, 0, 255);
            case "maxlen" -> maxlen = ctx.parseInt(v, 1, 65535 - 20 - 8);
            case "port" -> port = ctx.parseInt(v, 1, 65535);
            case "ttl" -> ttl = ctx.parseInt(v, 1, 255);
            default -> {
              Optional<InetAddress> g = ctx.parseAddress(v);
              if (g.isPresent() && !g.get().isMulticastAddress()) {
                ctx.error(v, "lvs_sync_daemon group address is not multicast", "a multicast address");
              } else {
                group = g;
              }
            }
          }
        }
        default -> {
          // keepalived's old positional form: lvs_sync_daemon IF VRRP_INSTANCE [SYNC_ID]
          if (i == 1 && inst.isEmpty()) {
            inst = Optional.of(w);
          } else if (i == 2) {
            id = ctx.parseInt(a.get(i), 0, 255);
          } else {
            ctx.error(a.get(i), "unknown lvs_sync_daemon option", "inst, id, maxlen, port, ttl or group");
          }
        }
      }
    }
    return Optional.of(new LvsSyncDaemon(ifname.get().text(), inst, id, maxlen, port, ttl, group));
  }

  private static Optional<LvsTimeouts> lvsTimeouts(ConfigNode n, BindContext ctx) {
    if (n.argCount() < 2) {
      ctx.error(n, "lvs_timeouts requires at least one option", "tcp N, tcpfin N or udp N");
      return Optional.empty();
    }
    Optional<Duration> tcp = Optional.empty();
    Optional<Duration> tcpfin = Optional.empty();
    Optional<Duration> udp = Optional.empty();
    long max = LvsTimeouts.MAX.toSeconds();
    List<Token> a = n.args();
    for (int i = 0; i < a.size(); i++) {
      String w = a.get(i).text();
      if (!w.equals("tcp") && !w.equals("tcpfin") && !w.equals("udp")) {
        ctx.error(a.get(i), "unknown lvs_timeouts option", "tcp, tcpfin or udp");
        continue;
      }
      if (i + 1 >= a.size()) {
        ctx.error(a.get(i), "no value for lvs_timeouts " + w, "seconds after " + w);
        continue;
      }
      OptionalLong v = ctx.parseLong(a.get(++i), 0, max);
      if (v.isPresent()) {
        Optional<Duration> d = Optional.of(Duration.ofSeconds(v.getAsLong()));
        switch (w) {
          case "tcp" -> tcp = d;
          case "tcpfin" -> tcpfin = d;
          default -> udp = d;
        }
      }
    }
    return Optional.of(new LvsTimeouts(tcp, tcpfin, udp));
  }
}
