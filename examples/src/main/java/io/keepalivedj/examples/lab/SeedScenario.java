package io.keepalivedj.examples.lab;

import io.keepalivedj.CheckPlan;
import io.keepalivedj.DetectionBound;
import io.keepalivedj.PlannedCheck;
import io.keepalivedj.SkippedCheck;
import io.keepalivedj.check.AttemptOutcome;
import io.keepalivedj.check.CheckEvent;
import io.keepalivedj.check.CheckOptions;
import io.keepalivedj.check.FailureReason;
import io.keepalivedj.check.Health;
import io.keepalivedj.check.HttpGetCheck;
import io.keepalivedj.check.UrlCheck;
import io.keepalivedj.config.ConfigException;
import io.keepalivedj.config.ConfigParser;
import io.keepalivedj.config.Diagnostic;
import io.keepalivedj.config.KeepalivedConfig;
import io.keepalivedj.config.model.LvsConfig;
import io.keepalivedj.config.model.VirtualServer;
import io.keepalivedj.config.model.VirtualServerEndpoint;
import io.keepalivedj.testing.NetnsLab;
import io.keepalivedj.testing.SeedTopology;
import java.io.IOException;
import java.io.PrintStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The live part of {@code bin/lab seed}: the seed's segment in namespaces, its real servers set
 * up for DR with a web server each, and the configuration's checkers run from lb1 through three
 * acts: every real server confirmed UP; the last real server's web server stopped until its
 * checker says DOWN; the web server started again until UP. Every attempt and transition is
 * printed with its time; the detection times are measured and set beside keepalived's bounds.
 * Everything it made is removed before it returns, whether it succeeded or not.
 */
final class SeedScenario {
  /** Room above a bound before the lab calls a wait failed: process starts, scheduling, a busy host. */
  static final Duration SLACK = Duration.ofSeconds(10);

  /**
   * A health verdict seen during the run.
   *
   * @param node   lab node of the real server (rs1, rs2)
   * @param check  the checker it concerns
   * @param health UP (a first passed check, or a transition) or DOWN (a transition)
   * @param reason why DOWN: the last failed attempt's reason
   * @param at     when the deciding attempt ended
   */
  record Milestone(String node, PlannedCheck check, Health health, Optional<FailureReason> reason, Instant at) {
    Milestone {
      Objects.requireNonNull(node, "node");
      Objects.requireNonNull(check, "check");
      Objects.requireNonNull(health, "health");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(at, "at");
    }
  }

  /**
   * What a run saw.
   *
   * @param labPrefix     the namespaces' prefix (all removed when run returns)
   * @param milestones    UP/DOWN verdicts in the order they came
   * @param downDetection server stopped to DOWN
   * @param downBound     keepalived's bound for it ({@link DetectionBound#down})
   * @param upDetection   server listening again to UP
   * @param upBound       the bound for that ({@link DetectionBound#up})
   * @param checkSources  client addresses in the web servers' request logs
   */
  record Result(String labPrefix, List<Milestone> milestones, Duration downDetection, Duration downBound,
      Duration upDetection, Duration upBound, Set<String> checkSources) {
    Result {
      Objects.requireNonNull(labPrefix, "labPrefix");
      milestones = List.copyOf(milestones);
      Objects.requireNonNull(downDetection, "downDetection");
      Objects.requireNonNull(downBound, "downBound");
      Objects.requireNonNull(upDetection, "upDetection");
      Objects.requireNonNull(upBound, "upBound");
      checkSources = Set.copyOf(checkSources);
    }
  }

  private final SeedLabOptions options;
  private final Timeline timeline;
  private final List<Milestone> milestones = new ArrayList<>();
  /** Failures in the current retry round per check, as CheckerStateMachine counts them. */
  private final Map<PlannedCheck, Integer> failuresInRound = new IdentityHashMap<>();
  private final Map<PlannedCheck, Health> health = new IdentityHashMap<>();
  private final Map<InetAddress, SeedTopology.Node> nodeOf = new LinkedHashMap<>();

  private SeedScenario(SeedLabOptions options, Timeline timeline) {
    this.options = options;
    this.timeline = timeline;
  }

  /** Runs the scenario, printing to {@code out}; throws {@link LabStepException} naming a failed step. */
  static Result run(SeedLabOptions options, PrintStream out) throws IOException, InterruptedException {
    return new SeedScenario(options, new Timeline(out, Instant.now())).run();
  }

  private Result run() throws IOException, InterruptedException {
    timeline.step("live checks: our HTTP_GET checkers in lb1's namespace against web servers on rs1 and rs2");
    CheckPlan plan = CheckPlan.of(withDelayLoop(parse(options.config()), options.delayLoop()));
    printPlan(plan);
    if (plan.checks().isEmpty()) {
      throw new LabStepException("plan the checks", "the configuration has no checker the engine can run");
    }
    List<Inet4Address> vips = vips(plan);
    Result result;
    try (NetnsLab lab = NetnsLab.create()) {
      SeedTopology seed = lab.seedTopology();
      timeline.now("lab " + lab.prefix() + ": client .10, lb1 .2, lb2 .3, rs1 .5, rs2 .6 on bridge br0, "
          + "each node's eth1 in 192.0.2.0/24 (namespaces " + lab.prefix() + "-*)");
      for (SeedTopology.Node n : seed.nodes().values()) {
        nodeOf.put(n.ipv4().address(), n);
      }
      Map<SeedTopology.Node, Integer> realServers = realServers(plan);
      Map<SeedTopology.Node, WebServer> web = new LinkedHashMap<>();
      for (Map.Entry<SeedTopology.Node, Integer> e : realServers.entrySet()) {
        SeedTopology.Node rs = e.getKey();
        setUpDr(rs, vips);
        web.put(rs, startWeb(lab, rs, e.getValue()));
      }
      SeedTopology.Node lb1 = seed.lb1();
      try (LiveChecks live = LiveChecks.start(lb1.netns().name(), plan.checks(), plan.ssl())) {
        timeline.now("checks started from lb1 (" + lb1.ipv4().host() + ", namespace " + lb1.netns().name()
            + "): " + plan.checks().size() + " checker(s)");
        result = acts(lab, live, plan, web);
      }
    }
    timeline.now("lab removed: its namespaces, processes and files are gone");
    return result;
  }

  private Result acts(NetnsLab lab, LiveChecks live, CheckPlan plan, Map<SeedTopology.Node, WebServer> web)
      throws InterruptedException {
    // Act 1: every checker's first attempt passes (targets start UP unless alpha: no event for that).
    timeline.step("1. every real server UP");
    Set<PlannedCheck> unconfirmed = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    unconfirmed.addAll(plan.checks());
    Duration firstWithin = plan.checks().stream().map(c -> c.spec().options().warmup()
        .plus(c.spec().options().connectTimeout())).max(Duration::compareTo).orElseThrow().plus(SLACK);
    Instant deadline = Instant.now().plus(firstWithin);
    while (!unconfirmed.isEmpty()) {
      Observation o = next(live, deadline, "1. every real server UP", "first passed check of "
          + unconfirmed.stream().map(this::label).collect(Collectors.joining(", ")), Set.of());
      if (o instanceof Observation.Attempt a && a.outcome() instanceof AttemptOutcome.Success
          && unconfirmed.remove(a.check()) && health.getOrDefault(a.check(), Health.UP) == Health.UP) {
        milestones.add(new Milestone(node(a.check()).name(), a.check(), Health.UP, Optional.empty(), a.at()));
      }
      if (o instanceof Observation.Transition t && t.event() instanceof CheckEvent.Down) {
        throw new LabStepException("1. every real server UP", label(t.check()) + " went DOWN instead");
      }
    }
    timeline.now("every real server UP: " + realServerList(plan.checks()));
    for (Map.Entry<SeedTopology.Node, WebServer> e : web.entrySet()) {
      e.getValue().lastRequest().ifPresent(r -> timeline.detail(e.getKey().name() + "'s request log: " + r));
    }

    // Act 2: the last real server's web server stops; its checkers must say DOWN within the bound.
    SeedTopology.Node victim = node(plan.checks().get(plan.checks().size() - 1));
    List<PlannedCheck> victimChecks = plan.checks().stream().filter(c -> node(c) == victim).toList();
    Duration downBound = victimChecks.stream().map(c -> DetectionBound.down(c.spec().options()))
        .max(Duration::compareTo).orElseThrow();
    timeline.step("2. " + victim.name() + "'s web server stops: how long until its checker says DOWN?");
    WebServer stopped = web.get(victim);
    int status = stopped.stop();
    Instant stoppedAt = Instant.now();
    timeline.at(stoppedAt, "stopped " + victim.name() + "'s " + stopped.description() + " (pid " + stopped.pid()
        + ", SIGTERM, exit status " + status + "): " + victim.ipv4().host() + " now answers SYN with RST");
    Instant downAt = awaitEvery(live, victimChecks, Health.DOWN, stoppedAt.plus(downBound).plus(SLACK),
        "2. DOWN within " + Timeline.seconds(downBound));
    Duration downDetection = Duration.between(stoppedAt, downAt);
    timeline.detail("detected " + Timeline.seconds(downDetection) + " after the server stopped; keepalived's bound "
        + Timeline.seconds(downBound) + " = " + downFormula(victimChecks.get(0).spec().options()));
    timeline.detail("(IPVS is not running yet: keepalived would now take " + victimChecks.get(0).ref().realServer()
        + " out of " + victimChecks.get(0).ref().virtualServer() + ")");

    // Act 3: the web server comes back; its checkers must say UP again.
    timeline.step("3. " + victim.name() + "'s web server starts again: how long until UP?");
    WebServer restarted = startWeb(lab, victim, stopped.port());
    web.put(victim, restarted);
    Duration upBound = victimChecks.stream().map(c -> DetectionBound.up(c.spec().options()))
        .max(Duration::compareTo).orElseThrow();
    Instant upAt = awaitEvery(live, victimChecks, Health.UP, restarted.listeningAt().plus(upBound).plus(SLACK),
        "3. UP within " + Timeline.seconds(upBound));
    Duration upDetection = Duration.between(restarted.listeningAt(), upAt);
    timeline.detail("detected " + Timeline.seconds(upDetection) + " after the server came back; bound "
        + Timeline.seconds(upBound) + " = " + upFormula(victimChecks.get(0).spec().options()));

    Set<String> sources = new LinkedHashSet<>();
    web.values().forEach(w -> sources.addAll(w.clients()));
    sources.addAll(stopped.clients());
    timeline.step("done");
    timeline.now("the checks reached the real servers from " + String.join(", ", sources)
        + " only (lb1), as the request logs show");
    return new Result(lab.prefix(), milestones, downDetection, downBound, upDetection, upBound, sources);
  }

  /**
   * Waits until each of {@code checks} has turned {@code to}, while no other check may change;
   * the time of the last one.
   */
  private Instant awaitEvery(LiveChecks live, List<PlannedCheck> checks, Health to, Instant deadline, String step)
      throws InterruptedException {
    Set<PlannedCheck> waiting = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    waiting.addAll(checks);
    Instant last = Instant.MIN;
    while (!waiting.isEmpty()) {
      Observation o = next(live, deadline, step, to + " of " + waiting.stream().map(this::label)
          .collect(Collectors.joining(", ")), Set.copyOf(checks));
      if (o instanceof Observation.Transition t && health.get(t.check()) == to && waiting.remove(t.check())) {
        last = t.at();
      }
    }
    return last;
  }

  /**
   * The next observation, printed. A transition of a check outside {@code mayChange} fails
   * {@code step} (a real server nobody touched must not flap), as does the deadline.
   */
  private Observation next(LiveChecks live, Instant deadline, String step, String waitingFor,
      Set<PlannedCheck> mayChange) throws InterruptedException {
    Optional<Observation> next = live.next(deadline);
    if (next.isEmpty()) {
      throw new LabStepException(step, "no " + waitingFor + " by " + deadline + " (bound plus "
          + Timeline.seconds(SLACK) + " slack)");
    }
    Observation o = next.get();
    print(o);
    if (o instanceof Observation.Transition t && !(t.event() instanceof CheckEvent.WeightChanged)
        && !mayChange.contains(t.check())) {
      throw new LabStepException(step, label(t.check()) + " changed to " + health.get(t.check())
          + " though nothing was done to it");
    }
    return o;
  }

  /** One line per observation; the retry round counted as the scheduler counts it. */
  private void print(Observation o) {
    PlannedCheck c = o.check();
    CheckOptions opt = c.spec().options();
    if (o instanceof Observation.Attempt a) {
      if (a.outcome() instanceof AttemptOutcome.Success s) {
        failuresInRound.put(c, 0);
        timeline.at(a.at(), label(c) + ": passed in " + Timeline.millis(s.latency()));
      } else if (a.outcome() instanceof AttemptOutcome.Failure f) {
        int before = failuresInRound.getOrDefault(c, 0);
        boolean retrying = before < opt.retry();
        failuresInRound.put(c, retrying ? before + 1 : 0);
        Duration nextIn = retrying ? opt.delayBeforeRetry() : opt.delayLoop();
        timeline.at(a.at(), label(c) + ": FAILED: " + f.reason().message() + " (failure " + (before + 1) + " of "
            + (opt.retry() + 1) + " in a row; next attempt in " + Timeline.seconds(nextIn) + ")");
      } else {
        throw new AssertionError(a.outcome());
      }
    } else if (o instanceof Observation.Transition t) {
      CheckEvent e = t.event();
      if (e instanceof CheckEvent.Down d) {
        health.put(c, Health.DOWN);
        milestones.add(new Milestone(node(c).name(), c, Health.DOWN, Optional.of(d.reason()), d.at()));
        timeline.at(d.at(), node(c).name() + " " + c.ref().realServer() + " DOWN: " + d.reason().message()
            + " (" + (opt.retry() + 1) + " failed attempts in a row)");
      } else if (e instanceof CheckEvent.Up u) {
        health.put(c, Health.UP);
        milestones.add(new Milestone(node(c).name(), c, Health.UP, Optional.empty(), u.at()));
        timeline.at(u.at(), node(c).name() + " " + c.ref().realServer() + " UP");
      } else if (e instanceof CheckEvent.WeightChanged w) {
        timeline.at(w.at(), label(c) + ": weight " + w.weight());
      } else {
        throw new AssertionError(e);
      }
    } else {
      throw new AssertionError(o);
    }
  }

  private void printPlan(CheckPlan plan) {
    timeline.now("configuration " + options.config() + ": " + plan.checks().size() + " check(s) to run, "
        + plan.skipped().size() + " not run");
    options.delayLoop().ifPresent(d -> timeline.detail("--delay-loop " + Timeline.seconds(d)
        + ": NOT the file's timing: every virtual_server's delay_loop is " + Timeline.seconds(d)
        + " here, and the bounds below follow it"));
    for (PlannedCheck c : plan.checks()) {
      CheckOptions o = c.spec().options();
      timeline.detail(c.ref() + " (" + c.ref().position() + ")");
      timeline.detail("  " + what(c) + " to " + c.spec().target().connectAddress().getAddress().getHostAddress()
          + ":" + c.spec().target().connectAddress().getPort() + ", every " + Timeline.seconds(o.delayLoop())
          + " (first within " + Timeline.seconds(o.warmup()) + "), connect_timeout " + Timeline.seconds(o.connectTimeout())
          + ", retry " + o.retry() + " after " + Timeline.seconds(o.delayBeforeRetry()));
      timeline.detail("  DOWN at most " + Timeline.seconds(DetectionBound.down(o)) + " after the server dies ("
          + downFormula(o) + "); UP at most " + Timeline.seconds(DetectionBound.up(o)) + " after it returns");
    }
    for (SkippedCheck s : plan.skipped()) {
      timeline.detail("not run: " + s);
    }
  }

  /** {@code GET / expecting 200} for HTTP checks, the keyword for the others. */
  private static String what(PlannedCheck c) {
    if (c.spec() instanceof HttpGetCheck h) {
      return h.urls().stream().map(u -> "GET " + u.path() + " expecting " + u.statusCodes()
          + u.digest().map(d -> " digest " + d).orElse("")).collect(Collectors.joining(", "));
    }
    return c.ref().keyword();
  }

  private static String downFormula(CheckOptions o) {
    return "delay_loop " + Timeline.seconds(o.delayLoop()) + " + connect_timeout " + Timeline.seconds(o.connectTimeout())
        + " x " + (o.retry() + 1) + " + delay_before_retry " + Timeline.seconds(o.delayBeforeRetry()) + " x " + o.retry();
  }

  private static String upFormula(CheckOptions o) {
    return "delay_loop " + Timeline.seconds(o.delayLoop()) + " + connect_timeout " + Timeline.seconds(o.connectTimeout());
  }

  private void setUpDr(SeedTopology.Node rs, List<Inet4Address> vips) throws IOException {
    DrRealServer.State s = DrRealServer.apply(rs.netns().name(), rs.ifName(), vips);
    if (!s.isDr(vips.size())) {
      throw new LabStepException("make " + rs.name() + " a DR real server", "the kernel holds " + s);
    }
    timeline.now(rs.name() + " " + rs.ipv4().host() + ": DR real server: " + String.join(", ", s.vipsOnLo())
        + " on lo; arp_ignore " + DrRealServer.ARP_IGNORE + ", arp_announce " + DrRealServer.ARP_ANNOUNCE
        + " on all and " + rs.ifName() + " (read back from the kernel)");
  }

  private WebServer startWeb(NetnsLab lab, SeedTopology.Node rs, int port) {
    java.nio.file.Path root = WebServer.docroot(lab.workDir().resolve(rs.name() + "-www"), rs.name(), rs.ipv4().address());
    WebServer w = WebServer.start(rs.netns(), rs.ipv4().address(), port, root, options.webServer());
    timeline.at(w.listeningAt(), rs.name() + ": " + w.description() + " listening on " + rs.ipv4().host() + ":" + port
        + " (pid " + w.pid() + ")");
    return w;
  }

  /** Each real server of the plan, as its lab node, with the port its web server must listen on. */
  private Map<SeedTopology.Node, Integer> realServers(CheckPlan plan) {
    Map<SeedTopology.Node, Integer> out = new LinkedHashMap<>();
    for (PlannedCheck c : plan.checks()) {
      int port = c.spec().target().connectAddress().getPort();
      Integer before = out.put(node(c), port);
      if (before != null && before != port) {
        throw new LabStepException("plan the web servers", node(c).name() + " is checked on ports " + before
            + " and " + port + "; the lab runs one web server per real server");
      }
    }
    return out;
  }

  private SeedTopology.Node node(PlannedCheck c) {
    SeedTopology.Node n = nodeOf.get(c.spec().target().connectAddress().getAddress());
    if (n == null) {
      throw new LabStepException("find the real servers", c.ref().realServer()
          + " is not on the lab's segment (192.0.2.0/24: rs1 .5, rs2 .6)");
    }
    return n;
  }

  private String label(PlannedCheck c) {
    String path = c.spec() instanceof HttpGetCheck h ? " " + h.urls().stream().map(UrlCheck::path)
        .collect(Collectors.joining(",")) : "";
    String name = nodeOf.containsKey(c.spec().target().connectAddress().getAddress()) ? node(c).name() + " " : "";
    return name + c.ref().realServer() + " " + c.ref().keyword() + path;
  }

  private String realServerList(List<PlannedCheck> checks) {
    return checks.stream().map(c -> node(c).name() + " " + c.ref().realServer()).distinct()
        .collect(Collectors.joining(", "));
  }

  /** The IPv4 addresses of the virtual servers: what the DR real servers hold on lo. */
  private static List<Inet4Address> vips(CheckPlan plan) {
    List<Inet4Address> out = new ArrayList<>();
    for (PlannedCheck c : plan.checks()) {
      if (c.ref().virtualServer() instanceof VirtualServerEndpoint.Address a && a.ip() instanceof Inet4Address v4
          && !out.contains(v4)) {
        out.add(v4);
      }
    }
    if (out.isEmpty()) {
      throw new LabStepException("find the VIP", "no IPv4 virtual_server address to put on the real servers' lo");
    }
    return out;
  }

  private static KeepalivedConfig parse(java.nio.file.Path file) {
    try {
      return ConfigParser.parse(file);
    } catch (ConfigException e) {
      throw new LabStepException("parse " + file, e.diagnostics().stream().map(Diagnostic::format)
          .collect(Collectors.joining("\n")), e);
    }
  }

  /** {@code --delay-loop}: as if every virtual_server said {@code delay_loop N}. */
  static KeepalivedConfig withDelayLoop(KeepalivedConfig config, Optional<Duration> delayLoop) {
    if (delayLoop.isEmpty()) {
      return config;
    }
    List<VirtualServer> changed = config.lvs().virtualServers().stream()
        .map(vs -> vs.toBuilder().delayLoop(delayLoop.get()).build()).toList();
    LvsConfig lvs = new LvsConfig(config.lvs().ssl(), config.lvs().virtualServerGroups(), changed);
    return new KeepalivedConfig(config.globalDefs(), config.vrrp(), lvs);
  }
}
