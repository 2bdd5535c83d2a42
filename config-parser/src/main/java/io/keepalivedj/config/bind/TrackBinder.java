package io.keepalivedj.config.bind;

import io.keepalivedj.config.model.ParamMatch;
import io.keepalivedj.config.model.Script;
import io.keepalivedj.config.model.ScriptUser;
import io.keepalivedj.config.model.TrackFile;
import io.keepalivedj.config.model.TrackProcess;
import io.keepalivedj.config.model.TrackedObject;
import io.keepalivedj.config.model.VrrpScript;
import io.keepalivedj.config.tree.ConfigNode;
import io.keepalivedj.config.tree.Token;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Binds the tracker definitions ({@code vrrp_script}, {@code vrrp_track_process},
 * {@code track_file}) and the {@code track_*} blocks of instances and sync groups that refer to
 * them. keepalived resolves a {@code track_*} name when it parses the line, so only trackers
 * defined earlier in the file count (vrrp_track.c).
 */
final class TrackBinder {
  private TrackBinder() {}

  static Optional<VrrpScript> vrrpScript(ConfigNode node, BindContext ctx) {
    Optional<Token> name = blockName(node, ctx);
    if (name.isEmpty()) {
      return Optional.empty();
    }
    Optional<Script> script = Optional.empty();
    Duration interval = VrrpScript.DEFAULT_INTERVAL;
    Optional<Duration> timeout = Optional.empty();
    int weight = 0;
    boolean reverse = false;
    int rise = 1;
    int fall = 1;
    Optional<ScriptUser> user = Optional.empty();
    boolean initFail = false;
    for (ConfigNode n : node.children()) {
      switch (n.name()) {
        case "script" -> script = ctx.scriptArg(n, 0);
        case "interval" -> {
          Optional<Duration> d = positiveSeconds(n, ctx);
          if (d.isPresent()) {
            interval = d.get();
          }
        }
        case "timeout" -> {
          Optional<Duration> d = positiveSeconds(n, ctx);
          if (d.isPresent()) {
            timeout = d;
          }
        }
        case "weight" -> {
          OptionalInt w = ctx.intArg(n, 0, -253, 253);
          if (w.isPresent()) {
            weight = w.getAsInt();
          }
          if (n.argCount() >= 2) {
            if (n.args().get(1).text().equals("reverse")) {
              reverse = true;
            } else {
              ctx.error(n.args().get(1), "unknown weight option", "reverse");
            }
          }
        }
        case "rise" -> rise = ctx.intArg(n, 0, 1, Integer.MAX_VALUE).orElse(1);
        case "fall" -> fall = ctx.intArg(n, 0, 1, Integer.MAX_VALUE).orElse(1);
        case "user" -> user = ctx.arg(n, 0, "a user name").map(u -> new ScriptUser(u.text(), n.arg(1)));
        case "init_fail" -> initFail = true;
        default -> ctx.unknownKeyword(n, "vrrp_script");
      }
    }
    if (script.isEmpty()) {
      ctx.error(node, "no script set for vrrp_script " + name.get().text() + ", ignored", "script COMMAND");
      return Optional.empty();
    }
    return Optional.of(new VrrpScript(name.get().text(), script.get(), interval, timeout, weight, reverse,
        rise, fall, user, initFail, node.position()));
  }

  /**
   * {@code interval}/{@code timeout}: whole seconds in 2.2.7; 0 is accepted for compatibility,
   * reported, and taken as 1.
   */
  private static Optional<Duration> positiveSeconds(ConfigNode n, BindContext ctx) {
    OptionalLong s = ctx.longArg(n, 0, 0, GlobalBinder.MAX_TIMER_SECONDS);
    if (s.isEmpty()) {
      return Optional.empty();
    }
    if (s.getAsLong() == 0) {
      ctx.error(n.args().get(0), n.name() + " must be greater than 0, using 1", "seconds >= 1");
      return Optional.of(Duration.ofSeconds(1));
    }
    return Optional.of(Duration.ofSeconds(s.getAsLong()));
  }

  static Optional<TrackProcess> trackProcess(ConfigNode node, BindContext ctx) {
    Optional<Token> name = blockName(node, ctx);
    if (name.isEmpty()) {
      return Optional.empty();
    }
    String process = null;
    List<String> params = List.of();
    ParamMatch match = ParamMatch.NONE;
    boolean fullCommand = false;
    int weight = 0;
    boolean weightSet = false;
    boolean reverse = false;
    int quorum = 1;
    OptionalInt quorumMax = OptionalInt.empty();
    Duration terminateDelay = Duration.ZERO;
    Duration forkDelay = Duration.ZERO;
    for (ConfigNode n : node.children()) {
      switch (n.name()) {
        case "process" -> {
          if (process != null) {
            ctx.error(n, "process already set for track process " + name.get().text() + ", ignored", "one process line");
          } else if (ctx.arg(n, 0, "a process name").isPresent()) {
            process = n.args().get(0).text();
            params = n.argTexts().subList(1, n.argCount());
            if (!params.isEmpty()) {
              fullCommand = true;
              if (match == ParamMatch.NONE) {
                match = ParamMatch.EXACT;
              }
            }
          }
        }
        case "param_match" -> {
          if (n.argCount() == 0) {
            match = ParamMatch.EXACT;
            fullCommand = true;
          } else if (n.args().get(0).text().equals("initial") || n.args().get(0).text().equals("partial")) {
            match = n.args().get(0).text().equals("initial") ? ParamMatch.INITIAL : ParamMatch.PARTIAL;
            fullCommand = true;
          } else {
            ctx.error(n.args().get(0), "invalid param_match type", "initial or partial");
          }
        }
        case "weight" -> {
          if (weightSet) {
            ctx.error(n, "weight already set for track process " + name.get().text() + ", ignored", "one weight");
            continue;
          }
          OptionalInt w = ctx.intArg(n, 0, -254, 254);
          if (w.isPresent()) {
            weight = w.getAsInt();
            weightSet = weight != 0;
            if (n.argCount() >= 2) {
              if (n.args().get(1).text().equals("reverse")) {
                reverse = true;
              } else {
                ctx.error(n.args().get(1), "unknown weight option", "reverse");
              }
            }
          }
        }
        case "quorum" -> {
          OptionalInt q = ctx.intArg(n, 0, 1, 65535);
          if (q.isPresent()) {
            if (quorumMax.isPresent() && quorumMax.getAsInt() != 0 && q.getAsInt() > quorumMax.getAsInt()) {
              ctx.error(n.args().get(0), "quorum is greater than quorum_max, ignored", "quorum <= quorum_max");
            } else {
              quorum = q.getAsInt();
            }
          }
        }
        case "quorum_max" -> {
          OptionalInt q = ctx.intArg(n, 0, 0, 65535);
          if (q.isPresent()) {
            int max = q.getAsInt();
            if ((max != 0 || quorum > 1) && max < quorum) {
              ctx.error(n.args().get(0), "quorum_max is less than quorum, ignored", "quorum_max >= quorum");
            } else {
              quorumMax = q;
              if (max == 0) {
                quorum = 0;
              } else if (quorum == 0) {
                quorum = 1;
              }
            }
          }
        }
        case "delay", "terminate_delay", "fork_delay" -> {
          Optional<Duration> d = ctx.timerArg(n, 0, Duration.ofNanos(1000), Duration.ofSeconds(3600));
          if (d.isPresent()) {
            if (!n.name().equals("fork_delay")) {
              terminateDelay = d.get();
            }
            if (!n.name().equals("terminate_delay")) {
              forkDelay = d.get();
            }
          }
        }
        case "full_command" -> fullCommand = true;
        default -> ctx.unknownKeyword(n, "vrrp_track_process");
      }
    }
    if (process == null) {
      ctx.error(node, "track process " + name.get().text() + " process name not specified, ignored", "process NAME");
      return Optional.empty();
    }
    return Optional.of(new TrackProcess(name.get().text(), process, params, match, weight, reverse, quorum,
        quorumMax, terminateDelay, forkDelay, fullCommand, node.position()));
  }

  static Optional<TrackFile> trackFile(ConfigNode node, BindContext ctx) {
    if (node.name().equals("vrrp_track_file")) {
      ctx.warning(node.keyword(), "vrrp_track_file is deprecated", "track_file");
    }
    Optional<Token> name = blockName(node, ctx);
    if (name.isEmpty()) {
      return Optional.empty();
    }
    String file = null;
    int weight = 1;
    boolean reverse = false;
    Optional<TrackFile.InitFile> init = Optional.empty();
    for (ConfigNode n : node.children()) {
      switch (n.name()) {
        case "file" -> {
          if (file != null) {
            ctx.error(n, "file already set for track file " + name.get().text() + ", ignored", "one file line");
          } else {
            Optional<Token> f = ctx.arg(n, 0, "a file name");
            if (f.isPresent()) {
              file = f.get().text();
            }
          }
        }
        case "weight" -> {
          OptionalInt w = ctx.intArg(n, 0, -254, 254);
          weight = w.orElse(1);
          if (w.isPresent() && n.argCount() >= 2) {
            if (n.args().get(1).text().equals("reverse")) {
              reverse = true;
            } else {
              ctx.error(n.args().get(1), "unknown weight option", "reverse");
            }
          }
        }
        case "init_file" -> {
          int value = 0;
          boolean overwrite = false;
          for (Token t : n.args()) {
            String w = t.text();
            if (!w.isEmpty() && (Character.isDigit(w.charAt(0)) || w.charAt(0) == '-')) {
              value = ctx.parseInt(t, Integer.MIN_VALUE, Integer.MAX_VALUE).orElse(0);
              if (value < -254 || value > 254) {
                ctx.error(t, "track file init value outside sensible range", "an integer in [-254, 254]");
              }
            } else if (w.equals("overwrite")) {
              overwrite = true;
            } else {
              ctx.error(t, "unknown track file init option", "a value or overwrite");
            }
          }
          init = Optional.of(new TrackFile.InitFile(value, overwrite));
        }
        default -> ctx.unknownKeyword(n, "track_file");
      }
    }
    if (file == null) {
      ctx.error(node, "no file set for track_file " + name.get().text() + ", ignored", "file PATH");
      return Optional.empty();
    }
    return Optional.of(new TrackFile(name.get().text(), file, weight, reverse, init, node.position()));
  }

  /** {@code KEYWORD NAME {}}: the name, with a diagnostic when it or the block is missing. */
  static Optional<Token> blockName(ConfigNode node, BindContext ctx) {
    if (node.argCount() != 1) {
      ctx.error(node, node.name() + " must have exactly one name", node.name() + " NAME {");
      return Optional.empty();
    }
    if (!ctx.requireBlock(node)) {
      return Optional.empty();
    }
    return Optional.of(node.args().get(0));
  }

  /**
   * The lines of a {@code track_*} block: {@code NAME [weight N [reverse|noreverse]]}.
   *
   * @param kind what the names are, for messages ("track_script")
   * @param defaults weight and reverse of each defined tracker by name; a name not in it is
   *     reported (it is undefined, or defined after this line)
   * @param laterDefined names defined later in the file, to say so in the message
   * @param maxWeight 253 or 254; ±254 for a ±253 kind is reported and clamped, as keepalived does
   * @param noreverse whether {@code noreverse} is accepted
   */
  static List<TrackedObject> trackedList(ConfigNode block, String owner, String kind, Map<String, int[]> defaults,
      Set<String> laterDefined, int maxWeight, boolean noreverse, BindContext ctx) {
    List<TrackedObject> out = new ArrayList<>();
    if (!ctx.requireBlock(block)) {
      return out;
    }
    Set<String> seen = new HashSet<>();
    for (ConfigNode line : block.children()) {
      String name = line.name();
      int[] def = defaults.get(name);
      if (def == null) {
        String where = laterDefined.contains(name)
            ? " is defined after this line; keepalived only finds one defined before" : " is not defined";
        ctx.diagnostics().error(line.position(), "(" + owner + ") " + kind + " " + name + where, name,
            "the name of a " + trackerKeyword(kind) + " defined earlier");
        continue;
      }
      if (!seen.add(name)) {
        ctx.error(line.keyword(), "(" + owner + ") duplicate " + kind + " " + name + ", ignored", "each name once");
        continue;
      }
      Optional<TrackedObject> t = weightOptions(line, owner, kind, def[0], def[1] != 0, maxWeight, noreverse, ctx);
      t.ifPresent(out::add);
    }
    return out;
  }

  private static String trackerKeyword(String kind) {
    return switch (kind) {
      case "track_script" -> "vrrp_script";
      case "track_process" -> "vrrp_track_process";
      case "track_file" -> "track_file";
      case "track_bfd" -> "bfd_instance";
      default -> kind;
    };
  }

  /** {@code [weight N [reverse|noreverse]]} after a tracked name. */
  static Optional<TrackedObject> weightOptions(ConfigNode line, String owner, String kind, int defWeight, boolean defReverse,
      int maxWeight, boolean noreverse, BindContext ctx) {
    int weight = defWeight;
    boolean reverse = defReverse;
    List<Token> a = line.args();
    if (!a.isEmpty()) {
      if (!a.get(0).text().equals("weight")) {
        ctx.error(a.get(0), "(" + owner + ") unknown " + kind + " option, line ignored", "weight");
        return Optional.empty();
      }
      if (a.size() == 1) {
        ctx.error(a.get(0), "(" + owner + ") weight without value, line ignored", "weight N");
        return Optional.empty();
      }
      OptionalInt w = ctx.parseInt(a.get(1), -254, 254);
      if (w.isPresent()) {
        weight = w.getAsInt();
        if (maxWeight == 253 && Math.abs(weight) == 254) {
          ctx.error(a.get(1), "(" + owner + ") weight cannot be +/-254, using +/-253", "a weight in [-253, 253]");
          weight = weight < 0 ? -253 : 253;
        }
      }
      if (a.size() >= 3) {
        String o = a.get(2).text();
        if (o.equals("reverse")) {
          reverse = true;
        } else if (noreverse && o.equals("noreverse")) {
          reverse = false;
        } else {
          ctx.error(a.get(2), "(" + owner + ") unknown " + kind + " weight option", noreverse ? "reverse or noreverse" : "reverse");
        }
      }
    }
    return Optional.of(new TrackedObject(line.name(), weight, reverse, line.position()));
  }
}
