package io.keepalivedj.config.bind;

import io.keepalivedj.config.model.AuthType;
import io.keepalivedj.config.model.Authentication;
import io.keepalivedj.config.model.GarpExtraIf;
import io.keepalivedj.config.model.GlobalDefs;
import io.keepalivedj.config.model.IpPrefix;
import io.keepalivedj.config.model.Ipvlan;
import io.keepalivedj.config.model.Script;
import io.keepalivedj.config.model.TrackedObject;
import io.keepalivedj.config.model.UnicastPeer;
import io.keepalivedj.config.model.VirtualIpAddress;
import io.keepalivedj.config.model.Vmac;
import io.keepalivedj.config.model.VrrpInstance;
import io.keepalivedj.config.model.VrrpState;
import io.keepalivedj.config.tree.ConfigNode;
import io.keepalivedj.config.tree.Token;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Binds one {@code vrrp_instance NAME { ... }} block, with keepalived 2.2.7's per-keyword checks
 * (vrrp_parser.c) and its whole-instance checks and fallbacks (vrrp.c vrrp_complete_instance):
 * every problem keepalived reports is a diagnostic at the offending token, and the value keepalived
 * would fall back to is what the model gets.
 */
final class VrrpInstanceBinder {
  private VrrpInstanceBinder() {}

  /** A bound instance and the tokens later cross-instance checks point at. */
  record Bound(VrrpInstance instance, Optional<Token> vridToken) {}

  static Optional<Bound> bind(ConfigNode node, GlobalDefs global, VrrpBinder.Defined defined, BindContext ctx) {
    Optional<Token> nameTok = TrackBinder.blockName(node, ctx);
    if (nameTok.isEmpty()) {
      return Optional.empty();
    }
    String name = nameTok.get().text();
    VrrpInstance.Builder b = VrrpInstance.builder(name).position(node.position())
        .garpMasterDelay(global.vrrpGarpMasterDelay())
        .garpMasterRepeat(global.vrrpGarpMasterRepeat())
        .garpMasterRefresh(global.vrrpGarpMasterRefresh())
        .garpMasterRefreshRepeat(global.vrrpGarpMasterRefreshRepeat())
        .downTimerAdverts(global.vrrpDownTimerAdverts())
        .skipCheckAdvAddr(global.vrrpSkipCheckAdvAddr());
    global.vrrpGarpLowerPrioDelay().ifPresent(b::garpLowerPrioDelay);
    global.vrrpGarpLowerPrioRepeat().ifPresent(b::garpLowerPrioRepeat);

    Token vridTok = null;
    Token nopreemptTok = null;
    Token preemptDelayTok = null;
    Token advertTok = null;
    Duration advert = null;
    Token versionTok = null;
    Integer version = null;
    Optional<Boolean> strict = Optional.empty();
    ConfigNode authNode = null;
    Optional<AuthType> authType = Optional.empty();
    Optional<Token> authPass = Optional.empty();
    Boolean ipv4 = null; // address family decided by the first address, as keepalived does
    Set<String> notifySeen = new HashSet<>();
    String notifyWhere = "(" + name + ") ";
    String usedBy = "vrrp_instance " + name;

    for (ConfigNode n : node.children()) {
      String k = n.name();
      switch (k) {
        case "state" -> ctx.arg(n, 0, "MASTER or BACKUP").ifPresent(t -> {
          if (t.text().equals("MASTER")) {
            b.state(VrrpState.MASTER);
          } else if (t.text().equals("BACKUP")) {
            if (b.configuredState().orElse(null) == VrrpState.MASTER) {
              ctx.error(t, "(" + name + ") state previously set as MASTER, BACKUP ignored", "one state");
            } else {
              b.state(VrrpState.BACKUP);
            }
          } else {
            ctx.error(t, "(" + name + ") unknown state, using BACKUP", "MASTER or BACKUP");
            b.state(VrrpState.BACKUP);
          }
        });
        case "interface" -> ctx.arg(n, 0, "an interface name").ifPresent(t -> {
          if (t.text().length() > 15) {
            ctx.error(t, "interface name too long, ignored", "at most 15 characters");
          } else {
            ctx.checkInterface(t, usedBy);
            b.interfaceName(t.text());
          }
        });
        case "vrf" -> ctx.arg(n, 0, "a VRF device").ifPresent(t -> {
          if (t.text().length() > 15) {
            ctx.error(t, "VRF interface name too long, ignored", "at most 15 characters");
          } else {
            ctx.checkInterface(t, usedBy + " vrf");
            b.vrf(t.text());
          }
        });
        case "virtual_router_id" -> {
          OptionalInt v = ctx.intArg(n, 0, 1, 255);
          if (v.isPresent()) {
            b.virtualRouterId(v.getAsInt());
            vridTok = n.args().get(0);
          }
        }
        case "priority" -> ctx.intArg(n, 0, 1, 255).ifPresent(b::priority);
        case "advert_int" -> {
          Optional<Duration> d = ctx.timerArg(n, 0, Duration.ofMillis(10), Duration.ofSeconds(255));
          if (d.isPresent()) {
            advert = d.get();
            advertTok = n.args().get(0);
          }
        }
        case "version" -> {
          OptionalInt v = ctx.intArg(n, 0, 2, 3);
          if (v.isPresent()) {
            if (version != null && version != v.getAsInt() || v.getAsInt() == 2 && Boolean.FALSE.equals(ipv4)) {
              ctx.error(n.args().get(0), "(" + name + ") version conflicts with configured or deduced version, ignored",
                  "version 3 for IPv6");
            } else {
              version = v.getAsInt();
              versionTok = n.args().get(0);
            }
          }
        }
        case "nopreempt" -> {
          b.nopreempt(true);
          nopreemptTok = n.keyword();
        }
        case "preempt" -> {
          b.nopreempt(false);
          nopreemptTok = null;
        }
        case "preempt_delay" -> {
          Optional<Duration> d = ctx.timerArg(n, 0, Duration.ZERO, VrrpInstance.MAX_PREEMPT_DELAY);
          b.preemptDelay(d.orElse(Duration.ZERO));
          preemptDelayTok = d.isPresent() && !d.get().isZero() ? n.args().get(0) : null;
        }
        case "authentication" -> {
          if (ctx.requireBlock(n)) {
            authNode = n;
            for (ConfigNode a : n.children()) {
              switch (a.name()) {
                case "auth_type" -> {
                  Optional<AuthType> t = ctx.enumArg(a, 0, AuthType.class);
                  if (t.isPresent()) {
                    authType = t;
                  }
                }
                case "auth_pass" -> {
                  Optional<Token> p = ctx.arg(a, 0, "a password");
                  if (p.isPresent()) {
                    authPass = p;
                  }
                }
                default -> ctx.unknownKeyword(a, "authentication");
              }
            }
          }
        }
        case "virtual_ipaddress", "virtual_ipaddress_excluded" -> {
          if (!ctx.requireBlock(n)) {
            continue;
          }
          boolean vip = k.equals("virtual_ipaddress");
          for (ConfigNode line : n.children()) {
            Optional<VirtualIpAddress> a = VrrpAddressBinder.address(line, false, usedBy, ctx);
            if (a.isEmpty()) {
              continue;
            }
            if (vip) {
              if (ipv4 != null && ipv4 != a.get().isIpv4()) {
                ctx.error(line.keyword(), "(" + name + ") address family must match the instance's, address ignored",
                    ipv4 ? "an IPv4 address" : "an IPv6 address");
                continue;
              }
              ipv4 = a.get().isIpv4();
              b.virtualIpaddress(a.get());
            } else {
              b.virtualIpaddressExcluded(a.get());
            }
          }
        }
        case "virtual_routes" -> {
          if (ctx.requireBlock(n)) {
            n.children().forEach(l -> VrrpAddressBinder.route(l, false, ctx).ifPresent(b::virtualRoutes));
          }
        }
        case "virtual_rules" -> {
          if (ctx.requireBlock(n)) {
            n.children().forEach(l -> VrrpAddressBinder.rule(l, false, ctx).ifPresent(b::virtualRules));
          }
        }
        case "promote_secondaries" -> b.promoteSecondaries(true);
        case "unicast_src_ip", "mcast_src_ip" -> {
          Optional<InetAddress> a = ctx.addressArg(n, 0);
          if (a.isPresent()) {
            if (ipv4 != null && ipv4 != a.get() instanceof Inet4Address) {
              ctx.error(n.args().get(0), "(" + name + ") " + k + " must be of the instance's address family, ignored",
                  ipv4 ? "an IPv4 address" : "an IPv6 address");
            } else {
              ipv4 = a.get() instanceof Inet4Address;
              if (k.equals("unicast_src_ip")) {
                b.unicastSrcIp(a.get());
              } else {
                b.mcastSrcIp(a.get());
              }
            }
          }
        }
        case "mcast_dst_ip" -> {
          Optional<InetAddress> a = ctx.addressArg(n, 0);
          if (a.isPresent()) {
            boolean v4 = a.get() instanceof Inet4Address;
            if (ipv4 != null && ipv4 != v4) {
              ctx.error(n.args().get(0), "(" + name + ") mcast_dst_ip must match the instance's family, ignored", "same family");
            } else if (v4 ? !a.get().isMulticastAddress() : !((Inet6Address) a.get()).isMCLinkLocal()) {
              ctx.error(n.args().get(0), "(" + name + ") mcast_dst_ip is not " + (v4 ? "" : "link-local ") + "multicast, ignored",
                  v4 ? "an IPv4 multicast address" : "an IPv6 link-local multicast address");
            } else {
              ipv4 = v4;
              b.mcastDstIp(a.get());
            }
          }
        }
        case "unicast_peer" -> {
          if (!ctx.requireBlock(n)) {
            continue;
          }
          for (ConfigNode line : n.children()) {
            Optional<UnicastPeer> p = unicastPeer(line, name, ipv4, ctx);
            if (p.isPresent()) {
              ipv4 = p.get().address() instanceof Inet4Address;
              b.unicastPeer(p.get());
            }
          }
        }
        case "unicast_ttl" -> ctx.intArg(n, 0, 0, 255).ifPresent(b::unicastTtl);
        case "unicast_fault_no_peer" -> b.unicastFaultNoPeer(true);
        case "check_unicast_src" -> b.checkUnicastSrc(true);
        case "track_src_ip" -> b.trackSrcIp(true);
        case "dont_track_primary" -> b.dontTrackPrimary(true);
        case "native_ipv6" -> {
          if (Boolean.TRUE.equals(ipv4)) {
            ctx.error(n.keyword(), "(" + name + ") cannot give native_ipv6 with IPv4 addresses", "IPv6 addresses");
          } else {
            ipv4 = false;
            b.nativeIpv6(true);
          }
        }
        case "track_interface" -> trackInterfaces(n, name, ctx).forEach(b::trackInterface);
        case "track_script" -> defined.tracked(n, name, ctx).forEach(b::trackScript);
        case "track_process" -> defined.tracked(n, name, ctx).forEach(b::trackProcess);
        case "track_file" -> defined.tracked(n, name, ctx).forEach(b::trackFile);
        case "track_bfd" -> defined.tracked(n, name, ctx).forEach(b::trackBfd);
        case "notify_master" -> notifyOnce(n, notifyWhere, notifySeen, ctx, b::notifyMaster);
        case "notify_backup" -> notifyOnce(n, notifyWhere, notifySeen, ctx, b::notifyBackup);
        case "notify_fault" -> notifyOnce(n, notifyWhere, notifySeen, ctx, b::notifyFault);
        case "notify_stop" -> notifyOnce(n, notifyWhere, notifySeen, ctx, b::notifyStop);
        case "notify_deleted" -> notifyOnce(n, notifyWhere, notifySeen, ctx, b::notifyDeleted);
        case "notify" -> notifyOnce(n, notifyWhere, notifySeen, ctx, b::notifyScript);
        case "notify_master_rx_lower_pri" -> notifyOnce(n, notifyWhere, notifySeen, ctx, b::notifyMasterRxLowerPri);
        case "smtp_alert" -> boolOption(n, ctx).ifPresent(b::smtpAlert);
        case "notify_priority_changes" -> boolOption(n, ctx).ifPresent(b::notifyPriorityChanges);
        case "garp_master_delay" -> GlobalBinder.seconds(n, ctx).ifPresent(b::garpMasterDelay);
        case "garp_master_repeat" -> GlobalBinder.repeat(n, ctx).ifPresent(b::garpMasterRepeat);
        case "garp_master_refresh" -> ctx.longArg(n, 0, 0, 0xFFFF_FFFFL)
            .ifPresent(s -> b.garpMasterRefresh(Duration.ofSeconds(s)));
        case "garp_master_refresh_repeat" -> GlobalBinder.repeat(n, ctx).ifPresent(b::garpMasterRefreshRepeat);
        case "garp_lower_prio_delay" -> GlobalBinder.seconds(n, ctx).ifPresent(b::garpLowerPrioDelay);
        case "garp_lower_prio_repeat" -> ctx.intArg(n, 0, 0, Integer.MAX_VALUE).ifPresent(b::garpLowerPrioRepeat);
        case "down_timer_adverts" -> ctx.intArg(n, 0, 1, 100).ifPresent(b::downTimerAdverts);
        case "garp_extra_if", "vmac_garp_intvl" -> garpExtraIf(n, ctx).ifPresent(b::garpExtraIf);
        case "lower_prio_no_advert" -> boolOption(n, ctx).ifPresent(b::lowerPrioNoAdvert);
        case "higher_prio_send_advert" -> boolOption(n, ctx).ifPresent(b::higherPrioSendAdvert);
        case "accept" -> b.accept(true);
        case "no_accept" -> b.accept(false);
        case "skip_check_adv_addr" -> boolOption(n, ctx).ifPresent(v -> b.skipCheckAdvAddr(true));
        case "strict_mode" -> {
          Optional<Boolean> s = boolOption(n, ctx);
          if (s.isPresent()) {
            strict = s;
          }
        }
        case "use_vmac" -> useVmac(n, ctx).ifPresent(b::useVmac);
        case "vmac_xmit_base" -> b.vmacXmitBase(true);
        case "use_vmac_addr" -> b.useVmacAddr(true);
        case "use_ipvlan" -> useIpvlan(n, ctx).ifPresent(b::useIpvlan);
        case "kernel_rx_buf_size" -> ctx.longArg(n, 0, 0, 0xFFFF_FFFFL).ifPresent(b::kernelRxBufSize);
        case "debug" -> {
          ctx.intArg(n, 0, 0, 4);
          b.otherSetting(GlobalBinder.otherSetting(n));
        }
        case "old_unicast_checksum" -> {
          if (n.argCount() >= 1 && !n.args().get(0).text().equals("never")) {
            ctx.error(n.args().get(0), "(" + name + ") unknown old_unicast_checksum mode, ignored", "never");
          }
          b.otherSetting(GlobalBinder.otherSetting(n));
        }
        case "linkbeat_use_polling" -> {
          ctx.error(n.keyword(), "(" + name + ") linkbeat_use_polling in a vrrp instance is deprecated", "a linkbeat_interfaces block");
          b.otherSetting(GlobalBinder.otherSetting(n));
        }
        case "lvs_sync_daemon_interface" -> {
          ctx.error(n.keyword(), "(" + name + ") lvs_sync_daemon_interface in a vrrp instance is deprecated", "global_defs lvs_sync_daemon");
          b.otherSetting(GlobalBinder.otherSetting(n));
        }
        default -> ctx.unknownKeyword(n, "vrrp_instance");
      }
    }

    // ---- whole-instance checks, in vrrp.c's order, each applying keepalived's fallback ----
    if (b.configuredVirtualRouterId() == 0) {
      boolean hadKeyword = node.children().stream().anyMatch(c -> c.name().equals("virtual_router_id"));
      if (!hadKeyword) {
        ctx.error(nameTok.get(), "(" + name + ") the virtual router id must be set", "virtual_router_id 1..255");
      }
      return Optional.empty();
    }
    boolean strictMode = strict.orElse(global.vrrpStrict());
    b.strictMode(strictMode);
    boolean v6 = Boolean.FALSE.equals(ipv4);
    int ver = version != null ? version : v6 ? 3 : global.vrrpVersion();
    if (v6 && ver == 2) {
      ctx.error(versionTok != null ? versionTok : nameTok.get(), "(" + name + ") cannot use IPv6 with VRRP version 2, using 3", "version 3");
      ver = 3;
    }
    b.version(ver);

    int priority = b.configuredPriority().orElse(
        b.configuredState().orElse(VrrpState.BACKUP) == VrrpState.MASTER ? VrrpInstance.PRIORITY_OWNER : VrrpInstance.DEFAULT_PRIORITY);
    VrrpState state = b.configuredState().orElse(priority == VrrpInstance.PRIORITY_OWNER ? VrrpState.MASTER : VrrpState.BACKUP);
    if (strictMode && b.configuredState().isPresent() && (state == VrrpState.MASTER) != (priority == VrrpInstance.PRIORITY_OWNER)) {
      ctx.error(nameTok.get(), "(" + name + ") state MASTER must match being address owner in strict mode", "priority 255 with state MASTER");
      state = priority == VrrpInstance.PRIORITY_OWNER ? VrrpState.MASTER : VrrpState.BACKUP;
    }
    b.state(state).priority(priority);

    if (authNode != null) {
      Optional<Authentication> auth = authentication(authNode, authType, authPass, name, strictMode, ver, v6, state, priority, ctx);
      auth.ifPresent(b::authentication);
      if (auth.isPresent() && auth.get().authType() == AuthType.AH && state == VrrpState.MASTER
          && priority != VrrpInstance.PRIORITY_OWNER) {
        ctx.error(authNode.keyword(), "(" + name + ") initial state MASTER is incompatible with AH authentication, using BACKUP", "state BACKUP");
        b.state(VrrpState.BACKUP);
        state = VrrpState.BACKUP;
      }
    }

    boolean nopreempt = nopreemptTok != null;
    if (nopreempt && priority == VrrpInstance.PRIORITY_OWNER) {
      ctx.error(nopreemptTok, "(" + name + ") nopreempt is incompatible with priority 255, nopreempt ignored", "a priority below 255");
      nopreempt = false;
    }
    if (state == VrrpState.MASTER) {
      if (nopreempt) {
        ctx.error(nopreemptTok, "(" + name + ") nopreempt will not work with initial state MASTER, nopreempt ignored", "state BACKUP");
        nopreempt = false;
      }
      if (preemptDelayTok != null) {
        ctx.error(preemptDelayTok, "(" + name + ") preempt_delay will not work with initial state MASTER, ignored", "state BACKUP");
        preemptDelayTok = null;
      }
    }
    if (preemptDelayTok != null && (strictMode || nopreempt)) {
      ctx.error(preemptDelayTok, "(" + name + ") preempt_delay is incompatible with " + (strictMode ? "strict mode" : "nopreempt")
          + ", ignored", "no preempt_delay");
      preemptDelayTok = null;
    }
    b.nopreempt(nopreempt);
    if (preemptDelayTok == null) {
      b.preemptDelay(Duration.ZERO);
    }

    Duration adv = advert == null ? VrrpInstance.DEFAULT_ADVERT_INT : roundAdvert(advert, ver, advertTok, name, ctx);
    b.advertInt(adv);

    Optional<String> noInterface = b.missingInterface();
    if (noInterface.isPresent()) {
      ctx.error(nameTok.get(), "(" + name + ") " + noInterface.get(), "interface IFNAME");
      return Optional.empty();
    }
    try {
      VrrpInstance vi = b.build();
      return Optional.of(new Bound(vi, Optional.ofNullable(vridTok)));
    } catch (IllegalArgumentException e) {
      ctx.error(nameTok.get(), "(" + name + ") " + e.getMessage(), "");
      return Optional.empty();
    }
  }

  /** keepalived rounds a VRRPv2 interval to whole seconds, a VRRPv3 one to 10 ms (vrrp.c). */
  private static Duration roundAdvert(Duration d, int version, Token tok, String name, BindContext ctx) {
    BigDecimal secs = BigDecimal.valueOf(d.toNanos()).movePointLeft(9);
    if (version == 2) {
      if (d.toNanos() % 1_000_000_000L != 0) {
        ctx.error(tok, "(" + name + ") VRRPv2 advertisement interval must be an integer, rounding", "whole seconds 1..255");
        long s = secs.setScale(0, RoundingMode.HALF_UP).longValue();
        return Duration.ofSeconds(Math.max(1, s));
      }
      return d;
    }
    if (d.compareTo(VrrpInstance.MAX_ADVERT_INT_V3) > 0) {
      ctx.error(tok, "(" + name + ") VRRPv3 advertisement interval out of range, using 40.95", "0.01..40.95 seconds");
      return VrrpInstance.MAX_ADVERT_INT_V3;
    }
    if (d.toNanos() % 10_000_000L != 0) {
      ctx.error(tok, "(" + name + ") VRRPv3 advertisement interval must be in units of 10ms, rounding", "a multiple of 0.01 s");
      long cs = secs.movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValue();
      return Duration.ofMillis(Math.max(1, cs) * 10);
    }
    return d;
  }

  private static Optional<Authentication> authentication(ConfigNode authNode, Optional<AuthType> type, Optional<Token> pass,
      String name, boolean strict, int version, boolean v6, VrrpState state, int priority, BindContext ctx) {
    if (type.isEmpty()) {
      ctx.warning(authNode.keyword(), "(" + name + ") authentication without auth_type, ignored", "auth_type PASS|AH");
      return Optional.empty();
    }
    if (strict) {
      ctx.error(authNode.keyword(), "(" + name + ") strict mode does not support authentication, ignored", "no authentication");
      return Optional.empty();
    }
    if (version == 3) {
      ctx.error(authNode.keyword(), "(" + name + ") VRRP version 3 does not support authentication, ignored", "no authentication");
      return Optional.empty();
    }
    if (pass.isEmpty()) {
      ctx.error(authNode.keyword(), "(" + name + ") authentication specified but no password given, ignored", "auth_pass");
      return Optional.empty();
    }
    if (v6 && type.get() == AuthType.AH) {
      ctx.error(authNode.keyword(), "(" + name + ") cannot use AH authentication with IPv6, ignored", "no authentication");
      return Optional.empty();
    }
    String p = pass.get().text();
    byte[] bytes = p.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > Authentication.MAX_PASS_BYTES) {
      ctx.error(pass.get(), "auth_pass longer than 8 characters, truncating to 8", "at most 8 characters");
      StringBuilder sb = new StringBuilder();
      int used = 0;
      for (int cp : p.codePoints().toArray()) {
        int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
        if (used + len > Authentication.MAX_PASS_BYTES) {
          break;
        }
        sb.appendCodePoint(cp);
        used += len;
      }
      p = sb.toString();
    }
    if (p.isEmpty()) {
      ctx.error(authNode.keyword(), "(" + name + ") authentication specified but no password given, ignored", "auth_pass");
      return Optional.empty();
    }
    return Optional.of(new Authentication(type.get(), p));
  }

  private static java.util.List<TrackedObject> trackInterfaces(ConfigNode n, String owner, BindContext ctx) {
    java.util.List<TrackedObject> out = new java.util.ArrayList<>();
    if (!ctx.requireBlock(n)) {
      return out;
    }
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (ConfigNode line : n.children()) {
      if (line.name().length() > 15) {
        ctx.error(line.keyword(), "interface name too long, ignored", "at most 15 characters");
        continue;
      }
      ctx.checkInterface(line.keyword(), "track_interface of " + owner);
      if (!seen.add(line.name())) {
        ctx.error(line.keyword(), "(" + owner + ") duplicate track_interface " + line.name() + ", ignored", "each interface once");
        continue;
      }
      TrackBinder.weightOptions(line, owner, "track_interface", 0, false, TrackedObject.MAX_WEIGHT, false, ctx)
          .ifPresent(out::add);
    }
    return out;
  }

  static Optional<UnicastPeer> unicastPeer(ConfigNode line, String owner, Boolean ipv4, BindContext ctx) {
    Optional<InetAddress> a = ctx.parseAddress(line.keyword());
    if (a.isEmpty()) {
      return Optional.empty();
    }
    if (ipv4 != null && ipv4 != a.get() instanceof Inet4Address) {
      ctx.error(line.keyword(), "(" + owner + ") unicast peer must be of the instance's address family, ignored", "same family");
      return Optional.empty();
    }
    int min = 0;
    int max = 255;
    java.util.List<Token> args = line.args();
    for (int i = 0; i < args.size(); i += 2) {
      if (i + 1 >= args.size()) {
        ctx.error(args.get(i), "(" + owner + ") " + args.get(i).text() + " is missing a value", "min_ttl N or max_ttl N");
        break;
      }
      String opt = args.get(i).text();
      if (!opt.equals("min_ttl") && !opt.equals("max_ttl")) {
        ctx.error(args.get(i), "(" + owner + ") unknown unicast_peer option", "min_ttl or max_ttl");
        break;
      }
      OptionalInt v = ctx.parseInt(args.get(i + 1), 0, 255);
      if (v.isPresent()) {
        if (opt.equals("min_ttl")) {
          min = v.getAsInt();
        } else {
          max = v.getAsInt();
        }
      }
    }
    if (min > max) {
      ctx.error(line.keyword(), "(" + owner + ") min_ttl > max_ttl, all packets will be discarded", "min_ttl <= max_ttl");
    }
    return Optional.of(new UnicastPeer(a.get(), min, max, line.position()));
  }

  /**
   * A notify script keyword of an instance or sync group: one of each kind, a repeat is reported
   * and ignored, as keepalived does. {@code where} starts the message: "(VI_1) " or
   * "vrrp group G: ".
   */
  static void notifyOnce(ConfigNode n, String where, Set<String> seen, BindContext ctx, Consumer<Script> set) {
    if (seen.contains(n.name())) {
      ctx.error(n.keyword(), where + n.name() + " script already specified, ignored", "one " + n.name());
      return;
    }
    ctx.scriptArg(n, 0).ifPresent(s -> {
      seen.add(n.name());
      set.accept(s);
    });
  }

  /** {@code KEYWORD [BOOL]}: true when bare, empty after a diagnostic when not a boolean. */
  static Optional<Boolean> boolOption(ConfigNode n, BindContext ctx) {
    if (n.argCount() == 0) {
      return Optional.of(true);
    }
    return ctx.parseBool(n.args().get(0));
  }

  private static Optional<GarpExtraIf> garpExtraIf(ConfigNode n, BindContext ctx) {
    if (n.name().equals("vmac_garp_intvl")) {
      ctx.warning(n.keyword(), "vmac_garp_intvl is deprecated", "garp_extra_if");
    }
    boolean all = false;
    OptionalInt delay = OptionalInt.empty();
    for (Token t : n.args()) {
      if (t.text().equals("all")) {
        all = true;
      } else {
        delay = ctx.parseInt(t, 0, 86400);
        if (delay.isEmpty()) {
          return Optional.empty();
        }
      }
    }
    if (delay.isEmpty()) {
      ctx.error(n, n.name() + " given without time, ignored", "seconds 0..86400");
      return Optional.empty();
    }
    return Optional.of(new GarpExtraIf(Duration.ofSeconds(delay.getAsInt()), all));
  }

  private static final String MAC = "[0-9A-Fa-f]{1,2}(:[0-9A-Fa-f]{1,2}){5}";

  private static Optional<Vmac> useVmac(ConfigNode n, BindContext ctx) {
    Optional<String> name = Optional.empty();
    Optional<String> mac = Optional.empty();
    for (Token t : n.args()) {
      if (t.text().matches(MAC)) {
        mac = Optional.of(t.text());
      } else if (name.isEmpty() && t.text().length() <= 15 && !t.text().contains("/") && !t.text().contains(":")) {
        name = Optional.of(t.text());
      } else {
        ctx.error(t, "invalid use_vmac parameter", "an interface name of at most 15 characters, or a MAC address");
        return Optional.empty();
      }
    }
    return Optional.of(new Vmac(name, mac));
  }

  private static Optional<Ipvlan> useIpvlan(ConfigNode n, BindContext ctx) {
    Optional<String> name = Optional.empty();
    Optional<IpPrefix> addr = Optional.empty();
    Optional<String> mode = Optional.empty();
    for (Token t : n.args()) {
      String w = t.text();
      if (w.equals("bridge") || w.equals("private") || w.equals("vepa")) {
        mode = Optional.of(w);
      } else if (w.contains("/") || IpLiterals.parse(w).isPresent()) {
        addr = ctx.parsePrefix(t);
        if (addr.isEmpty()) {
          return Optional.empty();
        }
      } else if (name.isEmpty() && w.length() <= 15) {
        name = Optional.of(w);
      } else {
        ctx.error(t, "invalid use_ipvlan parameter", "NAME, ADDRESS/PREFIX and bridge|private|vepa");
        return Optional.empty();
      }
    }
    return Optional.of(new Ipvlan(name, addr, mode));
  }
}
