package io.keepalivedj.config.model;

import io.keepalivedj.config.SourcePosition;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A {@code vrrp_instance NAME { ... }} block: one virtual router. Values that keepalived derives
 * from others when they are not written (state from priority and back, version from the address
 * family and {@code vrrp_version}, GARP timings and strict mode from {@code global_defs}) are
 * resolved; values keepalived resolves at run time from a combination of settings stay empty.
 *
 * <pre>{@code
 * VrrpInstance vi = VrrpInstance.builder("VI")
 *     .interfaceName("eth1").virtualRouterId(51).priority(100)
 *     .virtualIpaddress(VirtualIpAddress.of(new IpPrefix(vip, 24)))
 *     .build();
 * }</pre>
 *
 * @param name the instance's name, passed to {@code notify} scripts as {@code INSTANCE NAME}
 * @param state {@code state MASTER|BACKUP}; default MASTER when priority is 255, else BACKUP
 * @param interfaceName {@code interface}; may be empty only for a unicast instance with
 *     {@code unicast_src_ip}
 * @param vrf {@code vrf}: VRF master device, only for unicast instances without an interface
 * @param virtualRouterId {@code virtual_router_id}, 1..255, required
 * @param priority {@code priority}, 1..255 (255: address owner); default 255 with
 *     {@code state MASTER}, else 100 (vrrp.c)
 * @param advertInt {@code advert_int}: default 1 s; VRRPv2 whole seconds 1..255, VRRPv3 in 10 ms
 *     steps 0.01..40.95 s
 * @param version {@code version}: 2 or 3; default {@code vrrp_version} of global_defs (2), 3 for
 *     IPv6
 * @param nopreempt {@code nopreempt} (default off; {@code preempt} turns it off again); not with
 *     state MASTER or priority 255
 * @param preemptDelay {@code preempt_delay}: default 0, at most 1000 s; not with nopreempt,
 *     state MASTER or strict mode
 * @param authentication {@code authentication { auth_type; auth_pass }}; VRRPv2 only, not in
 *     strict mode
 * @param virtualIpaddress {@code virtual_ipaddress { ... }}: all of one address family
 * @param virtualIpaddressExcluded {@code virtual_ipaddress_excluded { ... }}: installed but not
 *     advertised
 * @param virtualRoutes {@code virtual_routes { ... }}
 * @param virtualRules {@code virtual_rules { ... }}
 * @param promoteSecondaries {@code promote_secondaries}
 * @param unicastSrcIp {@code unicast_src_ip}
 * @param unicastPeer {@code unicast_peer { ... }}: non-empty means unicast adverts
 * @param unicastTtl {@code unicast_ttl}, 0..255; empty: 255 for IPv4, the kernel's hop limit for
 *     IPv6
 * @param unicastFaultNoPeer {@code unicast_fault_no_peer}
 * @param checkUnicastSrc {@code check_unicast_src}
 * @param mcastSrcIp {@code mcast_src_ip}
 * @param mcastDstIp {@code mcast_dst_ip}: a multicast (IPv6: link-local multicast) group;
 *     empty: {@code vrrp_mcast_group4/6}
 * @param trackSrcIp {@code track_src_ip}
 * @param dontTrackPrimary {@code dont_track_primary}
 * @param trackInterface {@code track_interface { ... }}
 * @param trackScript {@code track_script { ... }}
 * @param trackFile {@code track_file { ... }}
 * @param trackProcess {@code track_process { ... }}
 * @param trackBfd {@code track_bfd { ... }}
 * @param notifyMaster {@code notify_master}
 * @param notifyBackup {@code notify_backup}
 * @param notifyFault {@code notify_fault}
 * @param notifyStop {@code notify_stop}
 * @param notifyDeleted {@code notify_deleted}
 * @param notifyScript {@code notify} (a Java record cannot have a component named notify): called with {@code INSTANCE NAME STATE PRIORITY} appended
 * @param notifyMasterRxLowerPri {@code notify_master_rx_lower_pri}
 * @param smtpAlert {@code smtp_alert [BOOL]}; empty: {@code smtp_alert_vrrp}, else
 *     {@code smtp_alert} of global_defs, else off
 * @param notifyPriorityChanges {@code notify_priority_changes [BOOL]}; empty: the sync group's,
 *     else {@code vrrp_notify_priority_changes}
 * @param garpMasterDelay {@code garp_master_delay}: default {@code vrrp_garp_master_delay} (5 s)
 * @param garpMasterRepeat {@code garp_master_repeat}: default {@code vrrp_garp_master_repeat} (5)
 * @param garpMasterRefresh {@code garp_master_refresh}: default {@code vrrp_garp_master_refresh}
 *     (0 = no refresh)
 * @param garpMasterRefreshRepeat {@code garp_master_refresh_repeat}: default 1
 * @param garpLowerPrioDelay {@code garp_lower_prio_delay}; empty: {@code vrrp_garp_lower_prio_delay},
 *     else {@code garp_master_delay} (0 in strict mode)
 * @param garpLowerPrioRepeat {@code garp_lower_prio_repeat}; empty: the global one, else
 *     {@code garp_master_repeat} (0 in strict mode)
 * @param downTimerAdverts {@code down_timer_adverts}: adverts missed before master down, default
 *     3, 1..100
 * @param garpExtraIf {@code garp_extra_if}
 * @param lowerPrioNoAdvert {@code lower_prio_no_advert [BOOL]}; empty: the global one (on in
 *     strict mode)
 * @param higherPrioSendAdvert {@code higher_prio_send_advert [BOOL]}; empty: the global one
 * @param accept {@code accept} / {@code no_accept}; empty: accept unless strict mode (always for
 *     priority 255)
 * @param skipCheckAdvAddr {@code skip_check_adv_addr [BOOL]}: default {@code vrrp_skip_check_adv_addr}
 * @param strictMode {@code strict_mode [BOOL]}: default {@code vrrp_strict} of global_defs
 * @param nativeIpv6 {@code native_ipv6}: IPv6 (and so VRRPv3) even without addresses
 * @param useVmac {@code use_vmac [NAME] [MAC]}
 * @param vmacXmitBase {@code vmac_xmit_base}
 * @param useVmacAddr {@code use_vmac_addr}
 * @param useIpvlan {@code use_ipvlan}
 * @param kernelRxBufSize {@code kernel_rx_buf_size} in bytes
 * @param otherSettings deprecated keywords kept as written ({@code debug},
 *     {@code linkbeat_use_polling}, {@code lvs_sync_daemon_interface},
 *     {@code old_unicast_checksum})
 * @param position where the block starts
 */
public record VrrpInstance(
    String name,
    VrrpState state,
    Optional<String> interfaceName,
    Optional<String> vrf,
    int virtualRouterId,
    int priority,
    Duration advertInt,
    int version,
    boolean nopreempt,
    Duration preemptDelay,
    Optional<Authentication> authentication,
    List<VirtualIpAddress> virtualIpaddress,
    List<VirtualIpAddress> virtualIpaddressExcluded,
    List<VirtualRoute> virtualRoutes,
    List<VirtualRule> virtualRules,
    boolean promoteSecondaries,
    Optional<InetAddress> unicastSrcIp,
    List<UnicastPeer> unicastPeer,
    OptionalInt unicastTtl,
    boolean unicastFaultNoPeer,
    boolean checkUnicastSrc,
    Optional<InetAddress> mcastSrcIp,
    Optional<InetAddress> mcastDstIp,
    boolean trackSrcIp,
    boolean dontTrackPrimary,
    List<TrackedObject> trackInterface,
    List<TrackedObject> trackScript,
    List<TrackedObject> trackFile,
    List<TrackedObject> trackProcess,
    List<TrackedObject> trackBfd,
    Optional<Script> notifyMaster,
    Optional<Script> notifyBackup,
    Optional<Script> notifyFault,
    Optional<Script> notifyStop,
    Optional<Script> notifyDeleted,
    Optional<Script> notifyScript,
    Optional<Script> notifyMasterRxLowerPri,
    Optional<Boolean> smtpAlert,
    Optional<Boolean> notifyPriorityChanges,
    Duration garpMasterDelay,
    int garpMasterRepeat,
    Duration garpMasterRefresh,
    int garpMasterRefreshRepeat,
    Optional<Duration> garpLowerPrioDelay,
    OptionalInt garpLowerPrioRepeat,
    int downTimerAdverts,
    Optional<GarpExtraIf> garpExtraIf,
    Optional<Boolean> lowerPrioNoAdvert,
    Optional<Boolean> higherPrioSendAdvert,
    Optional<Boolean> accept,
    boolean skipCheckAdvAddr,
    boolean strictMode,
    boolean nativeIpv6,
    Optional<Vmac> useVmac,
    boolean vmacXmitBase,
    boolean useVmacAddr,
    Optional<Ipvlan> useIpvlan,
    OptionalLong kernelRxBufSize,
    List<OtherSetting> otherSettings,
    SourcePosition position) {

  /** The address owner's priority (RFC 3768 §5.3.4). */
  public static final int PRIORITY_OWNER = 255;
  /** keepalived's default priority for a non-owner (VRRP_PRIO_DFL). */
  public static final int DEFAULT_PRIORITY = 100;
  public static final Duration DEFAULT_ADVERT_INT = Duration.ofSeconds(1);
  public static final Duration DEFAULT_GARP_MASTER_DELAY = Duration.ofSeconds(5);
  public static final int DEFAULT_GARP_MASTER_REPEAT = 5;
  public static final int DEFAULT_GARP_MASTER_REFRESH_REPEAT = 1;
  public static final int DEFAULT_DOWN_TIMER_ADVERTS = 3;
  /** TIMER_MAX_SEC of keepalived's lib/timer.h, the largest {@code preempt_delay}. */
  public static final Duration MAX_PREEMPT_DELAY = Duration.ofSeconds(1000);
  /** VRRPv3's 12-bit centisecond field (RFC 5798 §5.2.7). */
  public static final Duration MAX_ADVERT_INT_V3 = Duration.ofMillis(40950);
  /** VRRPv2's 8-bit seconds field (RFC 3768 §5.3.7). */
  public static final Duration MAX_ADVERT_INT_V2 = Duration.ofSeconds(255);

  public VrrpInstance {
    Objects.requireNonNull(name, "name");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("empty vrrp_instance name");
    }
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(interfaceName, "interfaceName");
    interfaceName.ifPresent(InterfaceNames::check);
    Objects.requireNonNull(vrf, "vrf");
    vrf.ifPresent(InterfaceNames::check);
    range("virtual_router_id", virtualRouterId, 1, 255);
    range("priority", priority, 1, PRIORITY_OWNER);
    Objects.requireNonNull(advertInt, "advertInt");
    if (version != 2 && version != 3) {
      throw new IllegalArgumentException("version must be 2 or 3: " + version);
    }
    checkAdvertInt(advertInt, version);
    Objects.requireNonNull(preemptDelay, "preemptDelay");
    if (preemptDelay.isNegative() || preemptDelay.compareTo(MAX_PREEMPT_DELAY) > 0) {
      throw new IllegalArgumentException("preempt_delay outside 0..1000 s: " + preemptDelay);
    }
    if (nopreempt && (state == VrrpState.MASTER || priority == PRIORITY_OWNER)) {
      throw new IllegalArgumentException("nopreempt needs state BACKUP and a priority below 255");
    }
    if (!preemptDelay.isZero() && (nopreempt || state == VrrpState.MASTER || strictMode)) {
      throw new IllegalArgumentException("preempt_delay is incompatible with nopreempt, state MASTER and strict mode");
    }
    Objects.requireNonNull(authentication, "authentication");
    if (authentication.isPresent() && (version == 3 || strictMode)) {
      throw new IllegalArgumentException("authentication is VRRPv2-only and not allowed in strict mode");
    }
    virtualIpaddress = List.copyOf(virtualIpaddress);
    virtualIpaddressExcluded = List.copyOf(virtualIpaddressExcluded);
    virtualRoutes = List.copyOf(virtualRoutes);
    virtualRules = List.copyOf(virtualRules);
    Objects.requireNonNull(unicastSrcIp, "unicastSrcIp");
    unicastPeer = List.copyOf(unicastPeer);
    Objects.requireNonNull(unicastTtl, "unicastTtl");
    if (unicastTtl.isPresent()) {
      range("unicast_ttl", unicastTtl.getAsInt(), 0, 255);
    }
    Objects.requireNonNull(mcastSrcIp, "mcastSrcIp");
    Objects.requireNonNull(mcastDstIp, "mcastDstIp");
    trackInterface = TrackedObject.copyOf(trackInterface, TrackedObject.MAX_WEIGHT);
    trackScript = TrackedObject.copyOf(trackScript, TrackedObject.MAX_WEIGHT);
    trackFile = TrackedObject.copyOf(trackFile, TrackedObject.MAX_FILE_PROCESS_WEIGHT);
    trackProcess = TrackedObject.copyOf(trackProcess, TrackedObject.MAX_FILE_PROCESS_WEIGHT);
    trackBfd = TrackedObject.copyOf(trackBfd, TrackedObject.MAX_WEIGHT);
    Objects.requireNonNull(notifyMaster, "notifyMaster");
    Objects.requireNonNull(notifyBackup, "notifyBackup");
    Objects.requireNonNull(notifyFault, "notifyFault");
    Objects.requireNonNull(notifyStop, "notifyStop");
    Objects.requireNonNull(notifyDeleted, "notifyDeleted");
    Objects.requireNonNull(notifyScript, "notifyScript");
    Objects.requireNonNull(notifyMasterRxLowerPri, "notifyMasterRxLowerPri");
    Objects.requireNonNull(smtpAlert, "smtpAlert");
    Objects.requireNonNull(notifyPriorityChanges, "notifyPriorityChanges");
    Objects.requireNonNull(garpMasterDelay, "garpMasterDelay");
    Objects.requireNonNull(garpMasterRefresh, "garpMasterRefresh");
    if (garpMasterDelay.isNegative() || garpMasterRefresh.isNegative()) {
      throw new IllegalArgumentException("negative GARP timer");
    }
    if (garpMasterRepeat < 1 || garpMasterRefreshRepeat < 1) {
      throw new IllegalArgumentException("GARP repeats must be >= 1");
    }
    Objects.requireNonNull(garpLowerPrioDelay, "garpLowerPrioDelay");
    Objects.requireNonNull(garpLowerPrioRepeat, "garpLowerPrioRepeat");
    if (garpLowerPrioRepeat.isPresent() && garpLowerPrioRepeat.getAsInt() < 0) {
      throw new IllegalArgumentException("negative garp_lower_prio_repeat");
    }
    range("down_timer_adverts", downTimerAdverts, 1, 100);
    Objects.requireNonNull(garpExtraIf, "garpExtraIf");
    Objects.requireNonNull(lowerPrioNoAdvert, "lowerPrioNoAdvert");
    Objects.requireNonNull(higherPrioSendAdvert, "higherPrioSendAdvert");
    Objects.requireNonNull(accept, "accept");
    Objects.requireNonNull(useVmac, "useVmac");
    Objects.requireNonNull(useIpvlan, "useIpvlan");
    Objects.requireNonNull(kernelRxBufSize, "kernelRxBufSize");
    otherSettings = List.copyOf(otherSettings);
    Objects.requireNonNull(position, "position");

    Boolean ipv4 = familyOf(nativeIpv6, virtualIpaddress, unicastSrcIp, unicastPeer, mcastSrcIp, mcastDstIp);
    if (Boolean.FALSE.equals(ipv4) && version == 2) {
      throw new IllegalArgumentException("IPv6 needs VRRP version 3");
    }
    if (interfaceName.isEmpty() && (unicastPeer.isEmpty() || unicastSrcIp.isEmpty())) {
      throw new IllegalArgumentException("an instance needs an interface unless it is unicast with unicast_src_ip");
    }
  }

  private static void range(String what, int v, int min, int max) {
    if (v < min || v > max) {
      throw new IllegalArgumentException(what + " outside " + min + ".." + max + ": " + v);
    }
  }

  /** Throws unless {@code advertInt} is a valid advert interval for {@code version}. */
  static void checkAdvertInt(Duration advertInt, int version) {
    if (version == 2) {
      if (advertInt.compareTo(Duration.ofSeconds(1)) < 0 || advertInt.compareTo(MAX_ADVERT_INT_V2) > 0
          || advertInt.toNanos() % 1_000_000_000L != 0) {
        throw new IllegalArgumentException("VRRPv2 advert_int must be whole seconds 1..255: " + advertInt);
      }
    } else if (advertInt.compareTo(Duration.ofMillis(10)) < 0 || advertInt.compareTo(MAX_ADVERT_INT_V3) > 0
        || advertInt.toNanos() % 10_000_000L != 0) {
      throw new IllegalArgumentException("VRRPv3 advert_int must be 0.01..40.95 s in 10 ms steps: " + advertInt);
    }
  }

  /**
   * The address family every address of the instance agrees on: TRUE for IPv4, FALSE for IPv6,
   * null when nothing decides it (keepalived then uses IPv4). Throws when they disagree.
   */
  private static Boolean familyOf(boolean nativeIpv6, List<VirtualIpAddress> vips, Optional<InetAddress> src,
      List<UnicastPeer> peers, Optional<InetAddress> mcastSrc, Optional<InetAddress> mcastDst) {
    List<Boolean> seen = new ArrayList<>();
    if (nativeIpv6) {
      seen.add(false);
    }
    vips.forEach(v -> seen.add(v.isIpv4()));
    src.ifPresent(a -> seen.add(a instanceof Inet4Address));
    peers.forEach(p -> seen.add(p.address() instanceof Inet4Address));
    mcastSrc.ifPresent(a -> seen.add(a instanceof Inet4Address));
    mcastDst.ifPresent(a -> seen.add(a instanceof Inet4Address));
    if (seen.isEmpty()) {
      return null;
    }
    if (seen.stream().distinct().count() > 1) {
      throw new IllegalArgumentException("addresses of an instance must all be IPv4 or all IPv6");
    }
    return seen.get(0);
  }

  /** Whether the instance runs VRRP over IPv6 (its addresses are IPv6, or {@code native_ipv6}). */
  public boolean isIpv6() {
    return Boolean.FALSE.equals(familyOf(nativeIpv6, virtualIpaddress, unicastSrcIp, unicastPeer, mcastSrcIp, mcastDstIp));
  }

  /** Whether adverts go to unicast peers rather than the multicast group. */
  public boolean isUnicast() {
    return !unicastPeer.isEmpty();
  }

  public static Builder builder(String name) {
    return new Builder(name);
  }

  /**
   * A builder starting from this instance's values; positions are kept. A state or priority set
   * on it is taken as is, not derived again.
   */
  public Builder toBuilder() {
    Builder b = new Builder(name);
    b.state = state;
    b.interfaceName = interfaceName;
    b.vrf = vrf;
    b.virtualRouterId = virtualRouterId;
    b.priority = priority;
    b.advertInt = advertInt;
    b.version = version;
    b.nopreempt = nopreempt;
    b.preemptDelay = preemptDelay;
    b.authentication = authentication;
    b.virtualIpaddress.addAll(virtualIpaddress);
    b.virtualIpaddressExcluded.addAll(virtualIpaddressExcluded);
    b.virtualRoutes.addAll(virtualRoutes);
    b.virtualRules.addAll(virtualRules);
    b.promoteSecondaries = promoteSecondaries;
    b.unicastSrcIp = unicastSrcIp;
    b.unicastPeer.addAll(unicastPeer);
    b.unicastTtl = unicastTtl;
    b.unicastFaultNoPeer = unicastFaultNoPeer;
    b.checkUnicastSrc = checkUnicastSrc;
    b.mcastSrcIp = mcastSrcIp;
    b.mcastDstIp = mcastDstIp;
    b.trackSrcIp = trackSrcIp;
    b.dontTrackPrimary = dontTrackPrimary;
    b.trackInterface.addAll(trackInterface);
    b.trackScript.addAll(trackScript);
    b.trackFile.addAll(trackFile);
    b.trackProcess.addAll(trackProcess);
    b.trackBfd.addAll(trackBfd);
    b.notifyMaster = notifyMaster;
    b.notifyBackup = notifyBackup;
    b.notifyFault = notifyFault;
    b.notifyStop = notifyStop;
    b.notifyDeleted = notifyDeleted;
    b.notifyScript = notifyScript;
    b.notifyMasterRxLowerPri = notifyMasterRxLowerPri;
    b.smtpAlert = smtpAlert;
    b.notifyPriorityChanges = notifyPriorityChanges;
    b.garpMasterDelay = garpMasterDelay;
    b.garpMasterRepeat = garpMasterRepeat;
    b.garpMasterRefresh = garpMasterRefresh;
    b.garpMasterRefreshRepeat = garpMasterRefreshRepeat;
    b.garpLowerPrioDelay = garpLowerPrioDelay;
    b.garpLowerPrioRepeat = garpLowerPrioRepeat;
    b.downTimerAdverts = downTimerAdverts;
    b.garpExtraIf = garpExtraIf;
    b.lowerPrioNoAdvert = lowerPrioNoAdvert;
    b.higherPrioSendAdvert = higherPrioSendAdvert;
    b.accept = accept;
    b.skipCheckAdvAddr = skipCheckAdvAddr;
    b.strictMode = strictMode;
    b.nativeIpv6 = nativeIpv6;
    b.useVmac = useVmac;
    b.vmacXmitBase = vmacXmitBase;
    b.useVmacAddr = useVmacAddr;
    b.useIpvlan = useIpvlan;
    b.kernelRxBufSize = kernelRxBufSize;
    b.otherSettings.addAll(otherSettings);
    b.position = position;
    return b;
  }

  /**
   * Builds a {@link VrrpInstance} with keepalived's defaults for whatever is not set, deriving
   * state, priority and version as keepalived does. {@link #build()} throws
   * {@link IllegalArgumentException} for a combination keepalived would reject.
   */
  public static final class Builder {
    private final String name;
    private VrrpState state;
    private Optional<String> interfaceName = Optional.empty();
    private Optional<String> vrf = Optional.empty();
    private int virtualRouterId;
    private Integer priority;
    private Duration advertInt = DEFAULT_ADVERT_INT;
    private Integer version;
    private boolean nopreempt;
    private Duration preemptDelay = Duration.ZERO;
    private Optional<Authentication> authentication = Optional.empty();
    private final List<VirtualIpAddress> virtualIpaddress = new ArrayList<>();
    private final List<VirtualIpAddress> virtualIpaddressExcluded = new ArrayList<>();
    private final List<VirtualRoute> virtualRoutes = new ArrayList<>();
    private final List<VirtualRule> virtualRules = new ArrayList<>();
    private boolean promoteSecondaries;
    private Optional<InetAddress> unicastSrcIp = Optional.empty();
    private final List<UnicastPeer> unicastPeer = new ArrayList<>();
    private OptionalInt unicastTtl = OptionalInt.empty();
    private boolean unicastFaultNoPeer;
    private boolean checkUnicastSrc;
    private Optional<InetAddress> mcastSrcIp = Optional.empty();
    private Optional<InetAddress> mcastDstIp = Optional.empty();
    private boolean trackSrcIp;
    private boolean dontTrackPrimary;
    private final List<TrackedObject> trackInterface = new ArrayList<>();
    private final List<TrackedObject> trackScript = new ArrayList<>();
    private final List<TrackedObject> trackFile = new ArrayList<>();
    private final List<TrackedObject> trackProcess = new ArrayList<>();
    private final List<TrackedObject> trackBfd = new ArrayList<>();
    private Optional<Script> notifyMaster = Optional.empty();
    private Optional<Script> notifyBackup = Optional.empty();
    private Optional<Script> notifyFault = Optional.empty();
    private Optional<Script> notifyStop = Optional.empty();
    private Optional<Script> notifyDeleted = Optional.empty();
    private Optional<Script> notifyScript = Optional.empty();
    private Optional<Script> notifyMasterRxLowerPri = Optional.empty();
    private Optional<Boolean> smtpAlert = Optional.empty();
    private Optional<Boolean> notifyPriorityChanges = Optional.empty();
    private Duration garpMasterDelay = DEFAULT_GARP_MASTER_DELAY;
    private int garpMasterRepeat = DEFAULT_GARP_MASTER_REPEAT;
    private Duration garpMasterRefresh = Duration.ZERO;
    private int garpMasterRefreshRepeat = DEFAULT_GARP_MASTER_REFRESH_REPEAT;
    private Optional<Duration> garpLowerPrioDelay = Optional.empty();
    private OptionalInt garpLowerPrioRepeat = OptionalInt.empty();
    private int downTimerAdverts = DEFAULT_DOWN_TIMER_ADVERTS;
    private Optional<GarpExtraIf> garpExtraIf = Optional.empty();
    private Optional<Boolean> lowerPrioNoAdvert = Optional.empty();
    private Optional<Boolean> higherPrioSendAdvert = Optional.empty();
    private Optional<Boolean> accept = Optional.empty();
    private boolean skipCheckAdvAddr;
    private boolean strictMode;
    private boolean nativeIpv6;
    private Optional<Vmac> useVmac = Optional.empty();
    private boolean vmacXmitBase;
    private boolean useVmacAddr;
    private Optional<Ipvlan> useIpvlan = Optional.empty();
    private OptionalLong kernelRxBufSize = OptionalLong.empty();
    private final List<OtherSetting> otherSettings = new ArrayList<>();
    private SourcePosition position = SourcePosition.NONE;

    private Builder(String name) {
      this.name = Objects.requireNonNull(name, "name");
    }

    public Builder state(VrrpState v) { state = v; return this; }
    public Builder interfaceName(String v) { interfaceName = Optional.of(v); return this; }
    public Builder vrf(String v) { vrf = Optional.of(v); return this; }
    public Builder virtualRouterId(int v) { virtualRouterId = v; return this; }
    public Builder priority(int v) { priority = v; return this; }
    public Builder advertInt(Duration v) { advertInt = v; return this; }
    public Builder version(int v) { version = v; return this; }
    public Builder nopreempt(boolean v) { nopreempt = v; return this; }
    public Builder preemptDelay(Duration v) { preemptDelay = v; return this; }
    public Builder authentication(Authentication v) { authentication = Optional.ofNullable(v); return this; }
    public Builder virtualIpaddress(VirtualIpAddress v) { virtualIpaddress.add(v); return this; }
    public Builder virtualIpaddressExcluded(VirtualIpAddress v) { virtualIpaddressExcluded.add(v); return this; }
    public Builder virtualRoutes(VirtualRoute v) { virtualRoutes.add(v); return this; }
    public Builder virtualRules(VirtualRule v) { virtualRules.add(v); return this; }
    public Builder promoteSecondaries(boolean v) { promoteSecondaries = v; return this; }
    public Builder unicastSrcIp(InetAddress v) { unicastSrcIp = Optional.of(v); return this; }
    public Builder unicastPeer(UnicastPeer v) { unicastPeer.add(v); return this; }
    public Builder unicastTtl(int v) { unicastTtl = OptionalInt.of(v); return this; }
    public Builder unicastFaultNoPeer(boolean v) { unicastFaultNoPeer = v; return this; }
    public Builder checkUnicastSrc(boolean v) { checkUnicastSrc = v; return this; }
    public Builder mcastSrcIp(InetAddress v) { mcastSrcIp = Optional.of(v); return this; }
    public Builder mcastDstIp(InetAddress v) { mcastDstIp = Optional.of(v); return this; }
    public Builder trackSrcIp(boolean v) { trackSrcIp = v; return this; }
    public Builder dontTrackPrimary(boolean v) { dontTrackPrimary = v; return this; }
    public Builder trackInterface(TrackedObject v) { trackInterface.add(v); return this; }
    public Builder trackScript(TrackedObject v) { trackScript.add(v); return this; }
    public Builder trackFile(TrackedObject v) { trackFile.add(v); return this; }
    public Builder trackProcess(TrackedObject v) { trackProcess.add(v); return this; }
    public Builder trackBfd(TrackedObject v) { trackBfd.add(v); return this; }
    public Builder notifyMaster(Script v) { notifyMaster = Optional.of(v); return this; }
    public Builder notifyBackup(Script v) { notifyBackup = Optional.of(v); return this; }
    public Builder notifyFault(Script v) { notifyFault = Optional.of(v); return this; }
    public Builder notifyStop(Script v) { notifyStop = Optional.of(v); return this; }
    public Builder notifyDeleted(Script v) { notifyDeleted = Optional.of(v); return this; }
    public Builder notifyScript(Script v) { notifyScript = Optional.of(v); return this; }
    public Builder notifyMasterRxLowerPri(Script v) { notifyMasterRxLowerPri = Optional.of(v); return this; }
    public Builder smtpAlert(boolean v) { smtpAlert = Optional.of(v); return this; }
    public Builder notifyPriorityChanges(boolean v) { notifyPriorityChanges = Optional.of(v); return this; }
    public Builder garpMasterDelay(Duration v) { garpMasterDelay = v; return this; }
    public Builder garpMasterRepeat(int v) { garpMasterRepeat = v; return this; }
    public Builder garpMasterRefresh(Duration v) { garpMasterRefresh = v; return this; }
    public Builder garpMasterRefreshRepeat(int v) { garpMasterRefreshRepeat = v; return this; }
    public Builder garpLowerPrioDelay(Duration v) { garpLowerPrioDelay = Optional.of(v); return this; }
    public Builder garpLowerPrioRepeat(int v) { garpLowerPrioRepeat = OptionalInt.of(v); return this; }
    public Builder downTimerAdverts(int v) { downTimerAdverts = v; return this; }
    public Builder garpExtraIf(GarpExtraIf v) { garpExtraIf = Optional.of(v); return this; }
    public Builder lowerPrioNoAdvert(boolean v) { lowerPrioNoAdvert = Optional.of(v); return this; }
    public Builder higherPrioSendAdvert(boolean v) { higherPrioSendAdvert = Optional.of(v); return this; }
    public Builder accept(boolean v) { accept = Optional.of(v); return this; }
    public Builder skipCheckAdvAddr(boolean v) { skipCheckAdvAddr = v; return this; }
    public Builder strictMode(boolean v) { strictMode = v; return this; }
    public Builder nativeIpv6(boolean v) { nativeIpv6 = v; return this; }
    public Builder useVmac(Vmac v) { useVmac = Optional.of(v); return this; }
    public Builder vmacXmitBase(boolean v) { vmacXmitBase = v; return this; }
    public Builder useVmacAddr(boolean v) { useVmacAddr = v; return this; }
    public Builder useIpvlan(Ipvlan v) { useIpvlan = Optional.of(v); return this; }
    public Builder kernelRxBufSize(long v) { kernelRxBufSize = OptionalLong.of(v); return this; }
    public Builder otherSetting(OtherSetting v) { otherSettings.add(v); return this; }
    public Builder position(SourcePosition v) { position = v; return this; }

    /** The state set, or empty when it will be derived from the priority. */
    public Optional<VrrpState> configuredState() {
      return Optional.ofNullable(state);
    }

    /** The VRID set, 0 while none is. */
    public int configuredVirtualRouterId() {
      return virtualRouterId;
    }

    /** The priority set, or empty when it will be derived from the state. */
    public OptionalInt configuredPriority() {
      return priority == null ? OptionalInt.empty() : OptionalInt.of(priority);
    }

    /**
     * Why the instance has no way to send adverts, as keepalived words it (vrrp.c), or empty when
     * it has an interface, or unicast peers and {@code unicast_src_ip}.
     */
    public Optional<String> missingInterface() {
      if (interfaceName.isPresent()) {
        return Optional.empty();
      }
      if (unicastPeer.isEmpty()) {
        return Optional.of("unknown interface");
      }
      return unicastSrcIp.isPresent() ? Optional.empty()
          : Optional.of("unicast instances must have unicast_src_ip or interface");
    }

    public VrrpInstance build() {
      int prio = priority != null ? priority
          : state == VrrpState.MASTER ? PRIORITY_OWNER : DEFAULT_PRIORITY;
      VrrpState st = state != null ? state : prio == PRIORITY_OWNER ? VrrpState.MASTER : VrrpState.BACKUP;
      int ver = version != null ? version : usesIpv6() ? 3 : 2;
      return new VrrpInstance(name, st, interfaceName, vrf, virtualRouterId, prio, advertInt, ver,
          nopreempt, preemptDelay, authentication, virtualIpaddress, virtualIpaddressExcluded,
          virtualRoutes, virtualRules, promoteSecondaries, unicastSrcIp, unicastPeer, unicastTtl,
          unicastFaultNoPeer, checkUnicastSrc, mcastSrcIp, mcastDstIp, trackSrcIp, dontTrackPrimary,
          trackInterface, trackScript, trackFile, trackProcess, trackBfd, notifyMaster, notifyBackup,
          notifyFault, notifyStop, notifyDeleted, notifyScript, notifyMasterRxLowerPri, smtpAlert,
          notifyPriorityChanges, garpMasterDelay, garpMasterRepeat, garpMasterRefresh,
          garpMasterRefreshRepeat, garpLowerPrioDelay, garpLowerPrioRepeat, downTimerAdverts,
          garpExtraIf, lowerPrioNoAdvert, higherPrioSendAdvert, accept, skipCheckAdvAddr,
          strictMode, nativeIpv6, useVmac, vmacXmitBase, useVmacAddr, useIpvlan, kernelRxBufSize,
          otherSettings, position);
    }

    private boolean usesIpv6() {
      return nativeIpv6
          || virtualIpaddress.stream().anyMatch(v -> !v.isIpv4())
          || unicastSrcIp.map(a -> a instanceof Inet6Address).orElse(false)
          || unicastPeer.stream().anyMatch(p -> p.address() instanceof Inet6Address)
          || mcastSrcIp.map(a -> a instanceof Inet6Address).orElse(false)
          || mcastDstIp.map(a -> a instanceof Inet6Address).orElse(false);
    }
  }
}
