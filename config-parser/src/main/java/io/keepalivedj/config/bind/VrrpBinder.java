package io.keepalivedj.config.bind;

import io.keepalivedj.config.model.BfdInstance;
import io.keepalivedj.config.model.GarpGroup;
import io.keepalivedj.config.model.GlobalDefs;
import io.keepalivedj.config.model.InterfaceUpDownDelay;
import io.keepalivedj.config.model.LinkbeatInterface;
import io.keepalivedj.config.model.LinkbeatMode;
import io.keepalivedj.config.model.Script;
import io.keepalivedj.config.model.TrackFile;
import io.keepalivedj.config.model.TrackGroup;
import io.keepalivedj.config.model.TrackProcess;
import io.keepalivedj.config.model.TrackedObject;
import io.keepalivedj.config.model.VirtualIpAddress;
import io.keepalivedj.config.model.VirtualRoute;
import io.keepalivedj.config.model.VirtualRule;
import io.keepalivedj.config.model.VrrpConfig;
import io.keepalivedj.config.model.VrrpInstance;
import io.keepalivedj.config.model.VrrpScript;
import io.keepalivedj.config.model.VrrpSyncGroup;
import io.keepalivedj.config.tree.ConfigNode;
import io.keepalivedj.config.tree.Token;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Binds the VRRP side: trackers, sync groups, instances, static addresses/routes/rules, track and
 * GARP groups, link-beat and up/down delays, BFD instances (keepalived 2.2.7 vrrp_parser.c,
 * track_file.c, bfd_parser.c), then runs keepalived's cross-object checks (vrrp.c, vrrp_sync.c):
 * duplicate names, sync group members, duplicate VRIDs on an interface.
 */
final class VrrpBinder {
  private VrrpBinder() {}

  private static final Set<String> TOP_LEVEL = Set.of("vrrp_instance", "vrrp_script", "vrrp_track_process",
      "track_file", "vrrp_track_file", "vrrp_sync_group", "static_ipaddress", "static_routes", "static_rules",
      "track_group", "garp_group", "linkbeat_interfaces", "interface_up_down_delays", "bfd_instance");

  static boolean handles(String topLevelKeyword) {
    return TOP_LEVEL.contains(topLevelKeyword);
  }

  /**
   * Trackers defined so far, by name, with their own weight and reverse flag ({weight, 0|1}); and
   * every name defined anywhere, to tell "defined later" from "not defined".
   */
  static final class Defined {
    final Map<String, int[]> scripts = new HashMap<>();
    final Map<String, int[]> processes = new HashMap<>();
    final Map<String, int[]> files = new HashMap<>();
    final Map<String, int[]> bfds = new HashMap<>();
    final Set<String> allScripts = new HashSet<>();
    final Set<String> allProcesses = new HashSet<>();
    final Set<String> allFiles = new HashSet<>();
    final Set<String> allBfds = new HashSet<>();
    final Set<String> trackGroups = new HashSet<>();

    /**
     * The lines of a {@code track_script}, {@code track_process}, {@code track_file} or
     * {@code track_bfd} block of an instance or sync group: each kind with its trackers, weight
     * bound and whether it takes {@code noreverse}.
     */
    List<TrackedObject> tracked(ConfigNode n, String owner, BindContext ctx) {
      return switch (n.name()) {
        case "track_script" -> TrackBinder.trackedList(n, owner, n.name(), scripts, allScripts,
            TrackedObject.MAX_WEIGHT, true, ctx);
        case "track_process" -> TrackBinder.trackedList(n, owner, n.name(), processes, allProcesses,
            TrackedObject.MAX_FILE_PROCESS_WEIGHT, true, ctx);
        case "track_file" -> TrackBinder.trackedList(n, owner, n.name(), files, allFiles,
            TrackedObject.MAX_FILE_PROCESS_WEIGHT, false, ctx);
        case "track_bfd" -> TrackBinder.trackedList(n, owner, n.name(), bfds, allBfds, TrackedObject.MAX_WEIGHT, false, ctx);
        default -> throw new AssertionError(n.name());
      };
    }
  }

  static VrrpConfig bind(List<ConfigNode> roots, GlobalDefs global, BindContext ctx) {
    Defined defined = new Defined();
    for (ConfigNode r : roots) {
      String name = r.arg(0).orElse("");
      switch (r.name()) {
        case "vrrp_script" -> defined.allScripts.add(name);
        case "vrrp_track_process" -> defined.allProcesses.add(name);
        case "track_file", "vrrp_track_file" -> defined.allFiles.add(name);
        case "bfd_instance" -> defined.allBfds.add(name);
        default -> { }
      }
    }
    List<VrrpScript> scripts = new ArrayList<>();
    List<TrackProcess> processes = new ArrayList<>();
    List<TrackFile> files = new ArrayList<>();
    List<BfdInstance> bfds = new ArrayList<>();
    List<SyncGroupNodes> groups = new ArrayList<>();
    List<VrrpInstanceBinder.Bound> instances = new ArrayList<>();
    Map<String, ConfigNode> instanceNames = new LinkedHashMap<>();
    List<VirtualIpAddress> staticAddresses = new ArrayList<>();
    List<VirtualRoute> staticRoutes = new ArrayList<>();
    List<VirtualRule> staticRules = new ArrayList<>();
    List<TrackGroup> trackGroups = new ArrayList<>();
    List<GarpGroup> garpGroups = new ArrayList<>();
    List<LinkbeatInterface> linkbeat = new ArrayList<>();
    List<InterfaceUpDownDelay> upDown = new ArrayList<>();

    for (ConfigNode r : roots) {
      switch (r.name()) {
        case "vrrp_script" -> TrackBinder.vrrpScript(r, ctx).ifPresent(s -> {
          if (defined.scripts.containsKey(s.name())) {
            // keepalived 2.2.7 accepts this silently and tracks the first one; -t passes.
            ctx.warning(r.args().get(0), "vrrp_script " + s.name() + " already defined; the first definition is used",
                "a unique name");
          } else {
            defined.scripts.put(s.name(), new int[] {s.weight(), s.weightReverse() ? 1 : 0});
          }
          scripts.add(s);
        });
        case "vrrp_track_process" -> TrackBinder.trackProcess(r, ctx).ifPresent(p -> {
          if (defined.processes.containsKey(p.name())) {
            ctx.warning(r.args().get(0), "vrrp_track_process " + p.name() + " already defined; the first definition is used",
                "a unique name");
          } else {
            defined.processes.put(p.name(), new int[] {p.weight(), p.weightReverse() ? 1 : 0});
          }
          processes.add(p);
        });
        case "track_file", "vrrp_track_file" -> TrackBinder.trackFile(r, ctx).ifPresent(f -> {
          if (defined.files.containsKey(f.name())) {
            ctx.warning(r.args().get(0), "track_file " + f.name() + " already defined; the first definition is used",
                "a unique name");
          } else {
            defined.files.put(f.name(), new int[] {f.weight(), f.weightReverse() ? 1 : 0});
          }
          files.add(f);
        });
        case "bfd_instance" -> {
          if (r.argCount() == 1 && defined.bfds.containsKey(r.args().get(0).text())) {
            ctx.error(r.args().get(0), "BFD " + r.args().get(0).text() + " already specified, ignored", "a unique name");
            continue;
          }
          BfdBinder.bind(r, ctx).ifPresent(bfd -> {
            defined.bfds.put(bfd.name(), new int[] {bfd.weight(), bfd.weightReverse() ? 1 : 0});
            bfds.add(bfd);
          });
        }
        case "vrrp_sync_group" -> {
          Optional<Token> name = TrackBinder.blockName(r, ctx);
          if (name.isEmpty()) {
            continue;
          }
          if (groups.stream().anyMatch(g -> g.group.name().equals(name.get().text()))) {
            ctx.error(name.get(), "vrrp sync group " + name.get().text() + " already defined", "a unique name");
            continue;
          }
          syncGroup(r, name.get().text(), defined, ctx).ifPresent(groups::add);
        }
        case "vrrp_instance" -> {
          if (r.argCount() == 1 && instanceNames.containsKey(r.args().get(0).text())) {
            ctx.error(r.args().get(0), "vrrp instance " + r.args().get(0).text() + " already defined", "a unique name");
            continue;
          }
          if (r.argCount() == 1) {
            instanceNames.put(r.args().get(0).text(), r);
          }
          VrrpInstanceBinder.bind(r, global, defined, ctx).ifPresent(instances::add);
        }
        case "static_ipaddress" -> {
          if (ctx.requireBlock(r)) {
            for (ConfigNode l : r.children()) {
              VrrpAddressBinder.address(l, true, "static_ipaddress", ctx)
                  .filter(a -> trackGroupDefined(a.trackGroup(), l, defined, ctx))
                  .ifPresent(staticAddresses::add);
            }
          }
        }
        case "static_routes" -> {
          if (ctx.requireBlock(r)) {
            for (ConfigNode l : r.children()) {
              VrrpAddressBinder.route(l, true, ctx)
                  .filter(a -> trackGroupDefined(a.trackGroup(), l, defined, ctx))
                  .ifPresent(staticRoutes::add);
            }
          }
        }
        case "static_rules" -> {
          if (ctx.requireBlock(r)) {
            for (ConfigNode l : r.children()) {
              VrrpAddressBinder.rule(l, true, ctx)
                  .filter(a -> trackGroupDefined(a.trackGroup(), l, defined, ctx))
                  .ifPresent(staticRules::add);
            }
          }
        }
        case "track_group" -> trackGroup(r, ctx).ifPresent(g -> {
          if (!defined.trackGroups.add(g.name())) {
            ctx.error(r.args().get(0), "track_group " + g.name() + " already defined", "a unique name");
          } else {
            trackGroups.add(g);
          }
        });
        case "garp_group" -> garpGroup(r, garpGroups.size() + 1, ctx).ifPresent(garpGroups::add);
        case "linkbeat_interfaces" -> {
          if (ctx.requireBlock(r)) {
            for (ConfigNode l : r.children()) {
              linkbeatInterface(l, ctx).ifPresent(linkbeat::add);
            }
          }
        }
        case "interface_up_down_delays" -> {
          if (ctx.requireBlock(r)) {
            for (ConfigNode l : r.children()) {
              upDownDelay(l, ctx).ifPresent(upDown::add);
            }
          }
        }
        default -> { }
      }
    }

    List<VrrpInstance> boundInstances = instances.stream().map(VrrpInstanceBinder.Bound::instance).toList();
    List<VrrpSyncGroup> boundGroups = checkSyncGroups(groups, boundInstances, instanceNames.keySet(), ctx);
    checkDuplicateVrids(instances, global, ctx);
    return new VrrpConfig(scripts, processes, files, bfds, boundGroups, boundInstances, staticAddresses,
        staticRoutes, staticRules, trackGroups, garpGroups, linkbeat, upDown);
  }

  private static boolean trackGroupDefined(Optional<String> group, ConfigNode line, Defined defined, BindContext ctx) {
    if (group.isPresent() && !defined.trackGroups.contains(group.get())) {
      ctx.error(line, "track_group " + group.get() + " not found", "a track_group defined earlier");
    }
    return true;
  }

  /** A bound sync group and the lines naming its members, for later checks. */
  private record SyncGroupNodes(VrrpSyncGroup group, List<Token> members, ConfigNode node) {}

  private static Optional<SyncGroupNodes> syncGroup(ConfigNode node, String name, Defined defined, BindContext ctx) {
    VrrpSyncGroup.Builder b = VrrpSyncGroup.builder(name).position(node.position());
    List<Token> members = new ArrayList<>();
    boolean haveGroup = false;
    Set<String> notifySeen = new HashSet<>();
    String notifyWhere = "vrrp group " + name + ": ";
    for (ConfigNode n : node.children()) {
      switch (n.name()) {
        case "group" -> {
          if (haveGroup) {
            ctx.error(n.keyword(), "group list already specified for sync group " + name + ", ignored", "one group block");
            continue;
          }
          if (!ctx.requireBlock(n)) {
            continue;
          }
          haveGroup = true;
          if (n.children().isEmpty()) {
            ctx.error(n.keyword(), "sync group " + name + " has an empty group block", "VRRP instance names");
          }
          Set<String> seen = new HashSet<>();
          for (ConfigNode line : n.children()) {
            List<Token> words = new ArrayList<>();
            words.add(line.keyword());
            words.addAll(line.args());
            for (Token w : words) {
              if (seen.add(w.text())) {
                members.add(w);
              } else {
                ctx.error(w, "virtual router " + w.text() + " listed twice in sync group " + name, "each instance once");
              }
            }
          }
        }
        case "track_interface" -> {
          if (ctx.requireBlock(n)) {
            for (ConfigNode line : n.children()) {
              ctx.checkInterface(line.keyword(), "track_interface of sync group " + name);
              TrackBinder.weightOptions(line, name, "track_interface", 0, false, TrackedObject.MAX_WEIGHT, false, ctx)
                  .ifPresent(b::trackInterface);
            }
          }
        }
        case "track_script" -> defined.tracked(n, name, ctx).forEach(b::trackScript);
        case "track_process" -> defined.tracked(n, name, ctx).forEach(b::trackProcess);
        case "track_file" -> defined.tracked(n, name, ctx).forEach(b::trackFile);
        case "track_bfd" -> defined.tracked(n, name, ctx).forEach(b::trackBfd);
        case "notify_master" -> VrrpInstanceBinder.notifyOnce(n, notifyWhere, notifySeen, ctx, b::notifyMaster);
        case "notify_backup" -> VrrpInstanceBinder.notifyOnce(n, notifyWhere, notifySeen, ctx, b::notifyBackup);
        case "notify_fault" -> VrrpInstanceBinder.notifyOnce(n, notifyWhere, notifySeen, ctx, b::notifyFault);
        case "notify_stop" -> VrrpInstanceBinder.notifyOnce(n, notifyWhere, notifySeen, ctx, b::notifyStop);
        case "notify" -> VrrpInstanceBinder.notifyOnce(n, notifyWhere, notifySeen, ctx, b::notifyScript);
        case "smtp_alert" -> VrrpInstanceBinder.boolOption(n, ctx).ifPresent(b::smtpAlert);
        case "global_tracking" -> {
          ctx.error(n.keyword(), "(" + name + ") global_tracking is deprecated", "sync_group_tracking_weight");
          b.syncGroupTrackingWeight(true);
        }
        case "sync_group_tracking_weight" -> b.syncGroupTrackingWeight(true);
        case "notify_priority_changes" -> VrrpInstanceBinder.boolOption(n, ctx).ifPresent(b::notifyPriorityChanges);
        default -> ctx.unknownKeyword(n, "vrrp_sync_group");
      }
    }
    if (!haveGroup) {
      ctx.error(node.args().get(0), "sync group " + name + " has no virtual router(s), ignored", "group { INSTANCE ... }");
      return Optional.empty();
    }
    return Optional.of(new SyncGroupNodes(b.build(), members, node));
  }

  /** vrrp_sync.c: members must exist and be in one group only; a group needs at least two. */
  private static List<VrrpSyncGroup> checkSyncGroups(List<SyncGroupNodes> groups, List<VrrpInstance> instances,
      Set<String> declaredInstances, BindContext ctx) {
    Set<String> bound = new HashSet<>();
    instances.forEach(i -> bound.add(i.name()));
    Map<String, String> memberOf = new HashMap<>();
    List<VrrpSyncGroup> out = new ArrayList<>();
    for (SyncGroupNodes g : groups) {
      String name = g.group().name();
      List<String> kept = new ArrayList<>();
      for (Token m : g.members()) {
        if (!bound.contains(m.text())) {
          if (!declaredInstances.contains(m.text())) {
            ctx.error(m, "virtual router " + m.text() + " specified in sync group " + name + " doesn't exist, ignored",
                "the name of a vrrp_instance");
          }
          continue;
        }
        String other = memberOf.putIfAbsent(m.text(), name);
        if (other != null) {
          ctx.error(m, "virtual router " + m.text() + " cannot be in more than one sync group (already in " + other + ")",
              "each instance in one sync group");
          continue;
        }
        kept.add(m.text());
      }
      if (kept.isEmpty()) {
        ctx.error(g.node().args().get(0), "sync group " + name + ", no matching virtual router found, ignored",
            "existing vrrp_instance names");
        continue;
      }
      if (kept.size() == 1 && g.members().size() >= 1) {
        ctx.error(g.node().args().get(0), "sync group " + name + " has only 1 virtual router, which probably isn't what you want",
            "two or more instances");
      }
      VrrpSyncGroup sg = g.group();
      out.add(new VrrpSyncGroup(sg.name(), kept, sg.trackInterface(), sg.trackScript(), sg.trackFile(), sg.trackProcess(),
          sg.trackBfd(), sg.notifyMaster(), sg.notifyBackup(), sg.notifyFault(), sg.notifyStop(), sg.notifyScript(),
          sg.smtpAlert(), sg.syncGroupTrackingWeight(), sg.notifyPriorityChanges(), sg.position()));
    }
    return out;
  }

  /**
   * Two multicast instances with the same VRID, address family, interface and multicast group
   * would answer each other's adverts (vrrp.c): reported at the later instance's VRID.
   */
  private static void checkDuplicateVrids(List<VrrpInstanceBinder.Bound> instances, GlobalDefs global, BindContext ctx) {
    Map<String, VrrpInstance> seen = new HashMap<>();
    for (VrrpInstanceBinder.Bound b : instances) {
      VrrpInstance vi = b.instance();
      if (vi.isUnicast() || vi.interfaceName().isEmpty()) {
        continue;
      }
      boolean v6 = vi.isIpv6();
      InetAddress group = vi.mcastDstIp().orElse(v6 ? global.vrrpMcastGroup6() : global.vrrpMcastGroup4());
      String key = vi.interfaceName().get() + "|" + (v6 ? 6 : 4) + "|" + vi.virtualRouterId() + "|" + group.getHostAddress();
      VrrpInstance first = seen.putIfAbsent(key, vi);
      if (first != null) {
        String msg = first.name() + " and " + vi.name() + " both use VRID " + vi.virtualRouterId() + " with IPv"
            + (v6 ? 6 : 4) + " on interface " + vi.interfaceName().get();
        if (b.vridToken().isPresent()) {
          ctx.error(b.vridToken().get(), msg, "a VRID unique per interface and address family");
        } else {
          ctx.diagnostics().error(vi.position(), msg, vi.name(), "a VRID unique per interface and address family");
        }
      }
    }
  }

  private static Optional<TrackGroup> trackGroup(ConfigNode node, BindContext ctx) {
    Optional<Token> name = TrackBinder.blockName(node, ctx);
    if (name.isEmpty()) {
      return Optional.empty();
    }
    List<String> members = new ArrayList<>();
    for (ConfigNode n : node.children()) {
      if (n.name().equals("group")) {
        if (ctx.requireBlock(n)) {
          for (ConfigNode line : n.children()) {
            members.add(line.name());
            members.addAll(line.argTexts());
          }
        }
      } else {
        ctx.unknownKeyword(n, "track_group");
      }
    }
    return Optional.of(new TrackGroup(name.get().text(), members, node.position()));
  }

  private static Optional<GarpGroup> garpGroup(ConfigNode node, int number, BindContext ctx) {
    if (!ctx.requireBlock(node)) {
      return Optional.empty();
    }
    Optional<Duration> garp = Optional.empty();
    Optional<Duration> gna = Optional.empty();
    List<String> interfaces = new ArrayList<>();
    Duration max = Duration.ofNanos(Integer.MAX_VALUE * 1000L);
    for (ConfigNode n : node.children()) {
      switch (n.name()) {
        case "garp_interval" -> {
          Optional<Duration> d = ctx.timerArg(n, 0, Duration.ZERO, max);
          if (d.isPresent()) {
            garp = d;
          }
        }
        case "gna_interval" -> {
          Optional<Duration> d = ctx.timerArg(n, 0, Duration.ZERO, max);
          if (d.isPresent()) {
            gna = d;
          }
        }
        case "interface" -> ctx.arg(n, 0, "an interface name").ifPresent(t -> addGarpInterface(t, interfaces, ctx));
        case "interfaces" -> {
          if (ctx.requireBlock(n)) {
            if (n.children().isEmpty()) {
              ctx.error(n.keyword(), "empty garp_group interfaces block", "interface names");
            }
            for (ConfigNode line : n.children()) {
              addGarpInterface(line.keyword(), interfaces, ctx);
              line.args().forEach(t -> addGarpInterface(t, interfaces, ctx));
            }
          }
        }
        default -> ctx.unknownKeyword(n, "garp_group");
      }
    }
    if (garp.isEmpty() && gna.isEmpty()) {
      ctx.error(node.keyword(), "garp group " + number + " does not have any delay set, ignored", "garp_interval or gna_interval");
      return Optional.empty();
    }
    return Optional.of(new GarpGroup(garp, gna, interfaces, node.position()));
  }

  private static void addGarpInterface(Token t, List<String> interfaces, BindContext ctx) {
    if (t.text().length() > 15) {
      ctx.error(t, "interface name too long", "at most 15 characters");
      return;
    }
    ctx.checkInterface(t, "garp_group");
    if (interfaces.contains(t.text())) {
      ctx.error(t, "garp_group already specified for " + t.text() + ", ignored", "each interface once");
      return;
    }
    interfaces.add(t.text());
  }

  private static Optional<LinkbeatInterface> linkbeatInterface(ConfigNode line, BindContext ctx) {
    if (line.name().length() > 15) {
      ctx.error(line.keyword(), "interface name too long", "at most 15 characters");
      return Optional.empty();
    }
    ctx.checkInterface(line.keyword(), "linkbeat_interfaces");
    LinkbeatMode mode = LinkbeatMode.MII;
    if (line.argCount() >= 1) {
      Optional<LinkbeatMode> m = ctx.parseEnum(line.args().get(0), LinkbeatMode.class);
      if (m.isEmpty()) {
        return Optional.empty();
      }
      mode = m.get();
    }
    return Optional.of(new LinkbeatInterface(line.name(), mode, line.position()));
  }

  private static Optional<InterfaceUpDownDelay> upDownDelay(ConfigNode line, BindContext ctx) {
    if (line.name().length() > 15) {
      ctx.error(line.keyword(), "interface name too long", "at most 15 characters");
      return Optional.empty();
    }
    ctx.checkInterface(line.keyword(), "interface_up_down_delays");
    if (line.argCount() == 0) {
      ctx.warning(line.keyword(), "no timeouts given for " + line.name() + " up/down delays", "DOWN_DELAY [UP_DELAY]");
      return Optional.empty();
    }
    if (line.argCount() > 2) {
      ctx.warning(line.args().get(2), "too many parameters for " + line.name() + " up/down delays", "DOWN_DELAY [UP_DELAY]");
    }
    Duration max = Duration.ofSeconds(255);
    Optional<Duration> down = ctx.parseTimer(line.args().get(0), Duration.ZERO, max);
    Optional<Duration> up = line.argCount() >= 2 ? ctx.parseTimer(line.args().get(1), Duration.ZERO, max) : Optional.of(Duration.ZERO);
    if (down.isEmpty() || up.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new InterfaceUpDownDelay(line.name(), down.get(), up.get(), line.position()));
  }
}
