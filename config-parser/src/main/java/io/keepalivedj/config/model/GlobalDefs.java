package io.keepalivedj.config.model;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * {@code global_defs} and the top-level process settings written outside it. The keywords most
 * configurations use are typed; every other keyword keepalived registers for {@code global_defs}
 * (process priorities, SNMP, D-Bus, nftables, FIFOs, netlink buffers, reload files...) is kept as
 * an {@link OtherSetting}, in file order. Defaults are keepalived 2.2.7's (global_data.c).
 *
 * @param netNamespace top level {@code net_namespace NAME}: run inside that network namespace
 * @param netNamespaceIpvs top level {@code net_namespace_ipvs NAME}: IPVS in another namespace
 * @param instance top level {@code instance NAME}: names the pid files and {@code ${_INSTANCE}}
 * @param usePidDir top level {@code use_pid_dir} (implied by net_namespace and instance)
 * @param childWaitTime top level {@code child_wait_time SECS}; empty: 5 s
 * @param linkbeatUsePolling top level {@code linkbeat_use_polling}
 * @param namespaceWithIpsets top level {@code namespace_with_ipsets}
 * @param routerId {@code router_id}; empty: the host name
 * @param notificationEmail {@code notification_email { ... }}
 * @param notificationEmailFrom {@code notification_email_from}; empty: keepalived@HOSTNAME
 * @param smtpServer {@code smtp_server}
 * @param smtpHeloName {@code smtp_helo_name}; empty: the host name
 * @param smtpConnectTimeout {@code smtp_connect_timeout}: default 30 s, at least 1 s
 * @param smtpAlert {@code smtp_alert [BOOL]}; empty: off unless set per object
 * @param smtpAlertVrrp {@code smtp_alert_vrrp [BOOL]}; empty: {@code smtp_alert}
 * @param smtpAlertChecker {@code smtp_alert_checker [BOOL]}; empty: {@code smtp_alert}
 * @param enableScriptSecurity {@code enable_script_security}: default off
 * @param scriptUser {@code script_user USER [GROUP]}; empty: keepalived_script if it exists,
 *     else root
 * @param vrrpGarpMasterDelay {@code vrrp_garp_master_delay}: default 5 s
 * @param vrrpGarpMasterRepeat {@code vrrp_garp_master_repeat}: default 5
 * @param vrrpGarpMasterRefresh {@code vrrp_garp_master_refresh}: default 0 (no refresh)
 * @param vrrpGarpMasterRefreshRepeat {@code vrrp_garp_master_refresh_repeat}: default 1
 * @param vrrpGarpLowerPrioDelay {@code vrrp_garp_lower_prio_delay}; empty: each instance's
 *     {@code garp_master_delay}
 * @param vrrpGarpLowerPrioRepeat {@code vrrp_garp_lower_prio_repeat}; empty: each instance's
 *     {@code garp_master_repeat}
 * @param vrrpGarpInterval {@code vrrp_garp_interval}: gap between GARPs, default 0
 * @param vrrpGnaInterval {@code vrrp_gna_interval}: gap between unsolicited NAs, default 0
 * @param vrrpMinGarp {@code vrrp_min_garp [BOOL]}: one GARP on becoming master, no repeats
 * @param vrrpDownTimerAdverts {@code vrrp_down_timer_adverts}: default 3, 1..100
 * @param vrrpLowerPrioNoAdvert {@code vrrp_lower_prio_no_advert [BOOL]}: default off
 * @param vrrpHigherPrioSendAdvert {@code vrrp_higher_prio_send_advert [BOOL]}: default off
 * @param vrrpVersion {@code vrrp_version}: 2 or 3, default 2
 * @param vrrpCheckUnicastSrc {@code vrrp_check_unicast_src}: default off
 * @param vrrpSkipCheckAdvAddr {@code vrrp_skip_check_adv_addr}: default off
 * @param vrrpStrict {@code vrrp_strict}: default off
 * @param vrrpMcastGroup4 {@code vrrp_mcast_group4}: default 224.0.0.18
 * @param vrrpMcastGroup6 {@code vrrp_mcast_group6}: default ff02::12
 * @param vrrpIptables {@code vrrp_iptables [IN [OUT]]}
 * @param vrrpStartupDelay {@code vrrp_startup_delay}: default 0
 * @param lvsFlush {@code lvs_flush}: flush IPVS at startup, default off
 * @param lvsSyncDaemon {@code lvs_sync_daemon}
 * @param lvsTimeouts {@code lvs_timeouts}
 * @param dynamicInterfaces {@code dynamic_interfaces [allow_if_changes]}: default off
 * @param allowIfChanges the {@code allow_if_changes} option of {@code dynamic_interfaces}
 * @param defaultInterface {@code default_interface}: for static addresses without {@code dev};
 *     empty: eth0
 * @param maxAutoPriority {@code max_auto_priority [N]}: -1 (off) or a SCHED_RR priority 0..99;
 *     the bare keyword is 99; empty: 0 (off)
 * @param minAutoPriorityDelay {@code min_auto_priority_delay}: default 1 s
 * @param randomSeed {@code random_seed}: seeds {@code ${_RANDOM}}; empty: time based
 * @param otherSettings every other {@code global_defs} keyword keepalived knows, as written
 */
public record GlobalDefs(
    Optional<String> netNamespace,
    Optional<String> netNamespaceIpvs,
    Optional<String> instance,
    boolean usePidDir,
    Optional<Duration> childWaitTime,
    boolean linkbeatUsePolling,
    boolean namespaceWithIpsets,
    Optional<String> routerId,
    List<String> notificationEmail,
    Optional<String> notificationEmailFrom,
    Optional<SmtpServer> smtpServer,
    Optional<String> smtpHeloName,
    Duration smtpConnectTimeout,
    Optional<Boolean> smtpAlert,
    Optional<Boolean> smtpAlertVrrp,
    Optional<Boolean> smtpAlertChecker,
    boolean enableScriptSecurity,
    Optional<ScriptUser> scriptUser,
    Duration vrrpGarpMasterDelay,
    int vrrpGarpMasterRepeat,
    Duration vrrpGarpMasterRefresh,
    int vrrpGarpMasterRefreshRepeat,
    Optional<Duration> vrrpGarpLowerPrioDelay,
    OptionalInt vrrpGarpLowerPrioRepeat,
    Duration vrrpGarpInterval,
    Duration vrrpGnaInterval,
    boolean vrrpMinGarp,
    int vrrpDownTimerAdverts,
    boolean vrrpLowerPrioNoAdvert,
    boolean vrrpHigherPrioSendAdvert,
    int vrrpVersion,
    boolean vrrpCheckUnicastSrc,
    boolean vrrpSkipCheckAdvAddr,
    boolean vrrpStrict,
    InetAddress vrrpMcastGroup4,
    InetAddress vrrpMcastGroup6,
    Optional<IptablesChains> vrrpIptables,
    Duration vrrpStartupDelay,
    boolean lvsFlush,
    Optional<LvsSyncDaemon> lvsSyncDaemon,
    Optional<LvsTimeouts> lvsTimeouts,
    boolean dynamicInterfaces,
    boolean allowIfChanges,
    Optional<String> defaultInterface,
    OptionalInt maxAutoPriority,
    Duration minAutoPriorityDelay,
    OptionalLong randomSeed,
    List<OtherSetting> otherSettings) {

  public static final Duration DEFAULT_SMTP_CONNECT_TIMEOUT = Duration.ofSeconds(30);
  public static final InetAddress DEFAULT_MCAST_GROUP4 = literal(new byte[] {(byte) 224, 0, 0, 18});
  public static final InetAddress DEFAULT_MCAST_GROUP6 =
      literal(new byte[] {(byte) 0xff, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x12});
  /** sched_get_priority_max(SCHED_RR) on Linux: what a bare {@code max_auto_priority} means. */
  public static final int MAX_RT_PRIORITY = 99;

  public GlobalDefs {
    Objects.requireNonNull(netNamespace, "netNamespace");
    Objects.requireNonNull(netNamespaceIpvs, "netNamespaceIpvs");
    Objects.requireNonNull(instance, "instance");
    Objects.requireNonNull(childWaitTime, "childWaitTime");
    Objects.requireNonNull(routerId, "routerId");
    notificationEmail = List.copyOf(notificationEmail);
    Objects.requireNonNull(notificationEmailFrom, "notificationEmailFrom");
    Objects.requireNonNull(smtpServer, "smtpServer");
    Objects.requireNonNull(smtpHeloName, "smtpHeloName");
    Objects.requireNonNull(smtpConnectTimeout, "smtpConnectTimeout");
    if (smtpConnectTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("smtp_connect_timeout must be at least 1 s: " + smtpConnectTimeout);
    }
    Objects.requireNonNull(smtpAlert, "smtpAlert");
    Objects.requireNonNull(smtpAlertVrrp, "smtpAlertVrrp");
    Objects.requireNonNull(smtpAlertChecker, "smtpAlertChecker");
    Objects.requireNonNull(scriptUser, "scriptUser");
    nonNegative("vrrp_garp_master_delay", vrrpGarpMasterDelay);
    nonNegative("vrrp_garp_master_refresh", vrrpGarpMasterRefresh);
    if (vrrpGarpMasterRepeat < 1 || vrrpGarpMasterRefreshRepeat < 1) {
      throw new IllegalArgumentException("GARP repeats must be >= 1");
    }
    Objects.requireNonNull(vrrpGarpLowerPrioDelay, "vrrpGarpLowerPrioDelay");
    vrrpGarpLowerPrioDelay.ifPresent(d -> nonNegative("vrrp_garp_lower_prio_delay", d));
    Objects.requireNonNull(vrrpGarpLowerPrioRepeat, "vrrpGarpLowerPrioRepeat");
    if (vrrpGarpLowerPrioRepeat.isPresent() && vrrpGarpLowerPrioRepeat.getAsInt() < 0) {
      throw new IllegalArgumentException("negative vrrp_garp_lower_prio_repeat");
    }
    nonNegative("vrrp_garp_interval", vrrpGarpInterval);
    nonNegative("vrrp_gna_interval", vrrpGnaInterval);
    if (vrrpDownTimerAdverts < 1 || vrrpDownTimerAdverts > 100) {
      throw new IllegalArgumentException("vrrp_down_timer_adverts outside 1..100: " + vrrpDownTimerAdverts);
    }
    if (vrrpVersion != 2 && vrrpVersion != 3) {
      throw new IllegalArgumentException("vrrp_version must be 2 or 3: " + vrrpVersion);
    }
    Objects.requireNonNull(vrrpMcastGroup4, "vrrpMcastGroup4");
    Objects.requireNonNull(vrrpMcastGroup6, "vrrpMcastGroup6");
    if (!(vrrpMcastGroup4 instanceof java.net.Inet4Address) || !vrrpMcastGroup4.isMulticastAddress()) {
      throw new IllegalArgumentException("vrrp_mcast_group4 must be an IPv4 multicast address");
    }
    if (!(vrrpMcastGroup6 instanceof java.net.Inet6Address) || !vrrpMcastGroup6.isMulticastAddress()) {
      throw new IllegalArgumentException("vrrp_mcast_group6 must be an IPv6 multicast address");
    }
    Objects.requireNonNull(vrrpIptables, "vrrpIptables");
    nonNegative("vrrp_startup_delay", vrrpStartupDelay);
    Objects.requireNonNull(lvsSyncDaemon, "lvsSyncDaemon");
    Objects.requireNonNull(lvsTimeouts, "lvsTimeouts");
    if (allowIfChanges && !dynamicInterfaces) {
      throw new IllegalArgumentException("allow_if_changes is an option of dynamic_interfaces");
    }
    Objects.requireNonNull(defaultInterface, "defaultInterface");
    defaultInterface.ifPresent(InterfaceNames::check);
    Objects.requireNonNull(maxAutoPriority, "maxAutoPriority");
    if (maxAutoPriority.isPresent() && (maxAutoPriority.getAsInt() < -1 || maxAutoPriority.getAsInt() > MAX_RT_PRIORITY)) {
      throw new IllegalArgumentException("max_auto_priority outside -1..99: " + maxAutoPriority.getAsInt());
    }
    nonNegative("min_auto_priority_delay", minAutoPriorityDelay);
    Objects.requireNonNull(randomSeed, "randomSeed");
    if (randomSeed.isPresent() && (randomSeed.getAsLong() < 0 || randomSeed.getAsLong() > 0xFFFF_FFFFL)) {
      throw new IllegalArgumentException("random_seed outside 0..4294967295: " + randomSeed.getAsLong());
    }
    otherSettings = List.copyOf(otherSettings);
  }

  private static void nonNegative(String what, Duration d) {
    Objects.requireNonNull(d, what);
    if (d.isNegative()) {
      throw new IllegalArgumentException(what + " is negative: " + d);
    }
  }

  private static InetAddress literal(byte[] bytes) {
    try {
      return InetAddress.getByAddress(bytes);
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  /** keepalived's defaults, nothing configured. */
  public static GlobalDefs defaults() {
    return builder().build();
  }

  /** The settings kept as written under {@code keyword}, in file order. */
  public List<OtherSetting> otherSettings(String keyword) {
    return otherSettings.stream().filter(s -> s.keyword().equals(keyword)).toList();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link GlobalDefs}; whatever is not set is keepalived's default. */
  public static final class Builder {
    private Optional<String> netNamespace = Optional.empty();
    private Optional<String> netNamespaceIpvs = Optional.empty();
    private Optional<String> instance = Optional.empty();
    private boolean usePidDir;
    private Optional<Duration> childWaitTime = Optional.empty();
    private boolean linkbeatUsePolling;
    private boolean namespaceWithIpsets;
    private Optional<String> routerId = Optional.empty();
    private final List<String> notificationEmail = new ArrayList<>();
    private Optional<String> notificationEmailFrom = Optional.empty();
    private Optional<SmtpServer> smtpServer = Optional.empty();
    private Optional<String> smtpHeloName = Optional.empty();
    private Duration smtpConnectTimeout = DEFAULT_SMTP_CONNECT_TIMEOUT;
    private Optional<Boolean> smtpAlert = Optional.empty();
    private Optional<Boolean> smtpAlertVrrp = Optional.empty();
    private Optional<Boolean> smtpAlertChecker = Optional.empty();
    private boolean enableScriptSecurity;
    private Optional<ScriptUser> scriptUser = Optional.empty();
    private Duration vrrpGarpMasterDelay = VrrpInstance.DEFAULT_GARP_MASTER_DELAY;
    private int vrrpGarpMasterRepeat = VrrpInstance.DEFAULT_GARP_MASTER_REPEAT;
    private Duration vrrpGarpMasterRefresh = Duration.ZERO;
    private int vrrpGarpMasterRefreshRepeat = VrrpInstance.DEFAULT_GARP_MASTER_REFRESH_REPEAT;
    private Optional<Duration> vrrpGarpLowerPrioDelay = Optional.empty();
    private OptionalInt vrrpGarpLowerPrioRepeat = OptionalInt.empty();
    private Duration vrrpGarpInterval = Duration.ZERO;
    private Duration vrrpGnaInterval = Duration.ZERO;
    private boolean vrrpMinGarp;
    private int vrrpDownTimerAdverts = VrrpInstance.DEFAULT_DOWN_TIMER_ADVERTS;
    private boolean vrrpLowerPrioNoAdvert;
    private boolean vrrpHigherPrioSendAdvert;
    private int vrrpVersion = 2;
    private boolean vrrpCheckUnicastSrc;
    private boolean vrrpSkipCheckAdvAddr;
    private boolean vrrpStrict;
    private InetAddress vrrpMcastGroup4 = DEFAULT_MCAST_GROUP4;
    private InetAddress vrrpMcastGroup6 = DEFAULT_MCAST_GROUP6;
    private Optional<IptablesChains> vrrpIptables = Optional.empty();
    private Duration vrrpStartupDelay = Duration.ZERO;
    private boolean lvsFlush;
    private Optional<LvsSyncDaemon> lvsSyncDaemon = Optional.empty();
    private Optional<LvsTimeouts> lvsTimeouts = Optional.empty();
    private boolean dynamicInterfaces;
    private boolean allowIfChanges;
    private Optional<String> defaultInterface = Optional.empty();
    private OptionalInt maxAutoPriority = OptionalInt.empty();
    private Duration minAutoPriorityDelay = Duration.ofSeconds(1);
    private OptionalLong randomSeed = OptionalLong.empty();
    private final List<OtherSetting> otherSettings = new ArrayList<>();

    private Builder() {}

    public Builder netNamespace(String v) { netNamespace = Optional.of(v); return this; }
    public Builder netNamespaceIpvs(String v) { netNamespaceIpvs = Optional.of(v); return this; }
    public Builder instance(String v) { instance = Optional.of(v); return this; }
    public Builder usePidDir(boolean v) { usePidDir = v; return this; }
    public Builder childWaitTime(Duration v) { childWaitTime = Optional.of(v); return this; }
    public Builder linkbeatUsePolling(boolean v) { linkbeatUsePolling = v; return this; }
    public Builder namespaceWithIpsets(boolean v) { namespaceWithIpsets = v; return this; }
    public Builder routerId(String v) { routerId = Optional.of(v); return this; }
    public Builder notificationEmail(String v) { notificationEmail.add(v); return this; }
    public Builder notificationEmailFrom(String v) { notificationEmailFrom = Optional.of(v); return this; }
    public Builder smtpServer(SmtpServer v) { smtpServer = Optional.of(v); return this; }
    public Builder smtpHeloName(String v) { smtpHeloName = Optional.of(v); return this; }
    public Builder smtpConnectTimeout(Duration v) { smtpConnectTimeout = v; return this; }
    public Builder smtpAlert(boolean v) { smtpAlert = Optional.of(v); return this; }
    public Builder smtpAlertVrrp(boolean v) { smtpAlertVrrp = Optional.of(v); return this; }
    public Builder smtpAlertChecker(boolean v) { smtpAlertChecker = Optional.of(v); return this; }
    public Builder enableScriptSecurity(boolean v) { enableScriptSecurity = v; return this; }
    public Builder scriptUser(ScriptUser v) { scriptUser = Optional.of(v); return this; }
    public Builder vrrpGarpMasterDelay(Duration v) { vrrpGarpMasterDelay = v; return this; }
    public Builder vrrpGarpMasterRepeat(int v) { vrrpGarpMasterRepeat = v; return this; }
    public Builder vrrpGarpMasterRefresh(Duration v) { vrrpGarpMasterRefresh = v; return this; }
    public Builder vrrpGarpMasterRefreshRepeat(int v) { vrrpGarpMasterRefreshRepeat = v; return this; }
    public Builder vrrpGarpLowerPrioDelay(Duration v) { vrrpGarpLowerPrioDelay = Optional.of(v); return this; }
    public Builder vrrpGarpLowerPrioRepeat(int v) { vrrpGarpLowerPrioRepeat = OptionalInt.of(v); return this; }
    public Builder vrrpGarpInterval(Duration v) { vrrpGarpInterval = v; return this; }
    public Builder vrrpGnaInterval(Duration v) { vrrpGnaInterval = v; return this; }
    public Builder vrrpMinGarp(boolean v) { vrrpMinGarp = v; return this; }
    public Builder vrrpDownTimerAdverts(int v) { vrrpDownTimerAdverts = v; return this; }
    public Builder vrrpLowerPrioNoAdvert(boolean v) { vrrpLowerPrioNoAdvert = v; return this; }
    public Builder vrrpHigherPrioSendAdvert(boolean v) { vrrpHigherPrioSendAdvert = v; return this; }
    public Builder vrrpVersion(int v) { vrrpVersion = v; return this; }
    public Builder vrrpCheckUnicastSrc(boolean v) { vrrpCheckUnicastSrc = v; return this; }
    public Builder vrrpSkipCheckAdvAddr(boolean v) { vrrpSkipCheckAdvAddr = v; return this; }
    public Builder vrrpStrict(boolean v) { vrrpStrict = v; return this; }
    public Builder vrrpMcastGroup4(InetAddress v) { vrrpMcastGroup4 = v; return this; }
    public Builder vrrpMcastGroup6(InetAddress v) { vrrpMcastGroup6 = v; return this; }
    public Builder vrrpIptables(IptablesChains v) { vrrpIptables = Optional.of(v); return this; }
    public Builder vrrpStartupDelay(Duration v) { vrrpStartupDelay = v; return this; }
    public Builder lvsFlush(boolean v) { lvsFlush = v; return this; }
    public Builder lvsSyncDaemon(LvsSyncDaemon v) { lvsSyncDaemon = Optional.of(v); return this; }
    public Builder lvsTimeouts(LvsTimeouts v) { lvsTimeouts = Optional.of(v); return this; }
    public Builder dynamicInterfaces(boolean v) { dynamicInterfaces = v; return this; }
    public Builder allowIfChanges(boolean v) { allowIfChanges = v; return this; }
    public Builder defaultInterface(String v) { defaultInterface = Optional.of(v); return this; }
    public Builder maxAutoPriority(int v) { maxAutoPriority = OptionalInt.of(v); return this; }
    public Builder minAutoPriorityDelay(Duration v) { minAutoPriorityDelay = v; return this; }
    public Builder randomSeed(long v) { randomSeed = OptionalLong.of(v); return this; }
    public Builder otherSetting(OtherSetting v) { otherSettings.add(v); return this; }

    public GlobalDefs build() {
      return new GlobalDefs(netNamespace, netNamespaceIpvs, instance, usePidDir, childWaitTime,
          linkbeatUsePolling, namespaceWithIpsets, routerId, notificationEmail, notificationEmailFrom,
          smtpServer, smtpHeloName, smtpConnectTimeout, smtpAlert, smtpAlertVrrp, smtpAlertChecker,
          enableScriptSecurity, scriptUser, vrrpGarpMasterDelay, vrrpGarpMasterRepeat,
          vrrpGarpMasterRefresh, vrrpGarpMasterRefreshRepeat, vrrpGarpLowerPrioDelay,
          vrrpGarpLowerPrioRepeat, vrrpGarpInterval, vrrpGnaInterval, vrrpMinGarp,
          vrrpDownTimerAdverts, vrrpLowerPrioNoAdvert, vrrpHigherPrioSendAdvert, vrrpVersion,
          vrrpCheckUnicastSrc, vrrpSkipCheckAdvAddr, vrrpStrict, vrrpMcastGroup4, vrrpMcastGroup6,
          vrrpIptables, vrrpStartupDelay, lvsFlush, lvsSyncDaemon, lvsTimeouts, dynamicInterfaces,
          allowIfChanges, defaultInterface, maxAutoPriority, minAutoPriorityDelay, randomSeed,
          otherSettings);
    }
  }
}
