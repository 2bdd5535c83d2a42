#!/usr/bin/env python3
# Copyright The Keepalived/J authors. Licensed under the Apache License, Version 2.0.
#
# Builds keepalived-<version>-keywords.tsv: the keyword tree that keepalived
# registers with install_keyword_root()/install_keyword()/install_sublevel()
# at a given release. It reads keepalived's C sources only to collect facts
# (keyword names, nesting, source lines); no keepalived code is copied.
#
# Usage:
#   extract-keepalived-keywords.py SRC_DIR REPO TAG COMMIT [BINARY] > keepalived-2.2.7-keywords.tsv
#
# SRC_DIR is an unpacked source tree of the tag (git archive TAG | tar x).
# BINARY (optional, e.g. /usr/sbin/keepalived) adds a column telling whether
# the keyword string is present in that binary.
#
# The script mimics lib/parser.c: install_keyword_root() appends a root keyword,
# install_keyword() appends to the last keyword at the current sublevel of the
# last root, install_sublevel()/install_sublevel_end() move one level down/up.
# It walks the registration functions starting from the same entry points the
# vrrp, checker and bfd processes use and takes the union of what they register.

import datetime
import os
import re
import sys

FILES = [
    "keepalived/core/global_parser.c",
    "keepalived/vrrp/vrrp_parser.c",
    "keepalived/check/check_parser.c",
    "keepalived/check/check_api.c",
    "keepalived/check/check_misc.c",
    "keepalived/check/check_smtp.c",
    "keepalived/check/check_tcp.c",
    "keepalived/check/check_ping.c",
    "keepalived/check/check_udp.c",
    "keepalived/check/check_http.c",
    "keepalived/check/check_dns.c",
    "keepalived/check/check_file.c",
    "keepalived/check/check_bfd.c",
    "keepalived/trackers/track_file.c",
    "keepalived/bfd/bfd_parser.c",
]

# Entry points, in the order the vrrp/checker/bfd processes call them.
ENTRY = [
    ("init_global_keywords", ["true"]),
    ("init_vrrp_keywords", ["true"]),
    ("init_check_keywords", ["true"]),
    ("init_bfd_keywords", ["true"]),
    ("add_track_file_keywords", ["true"]),
]

# Deprecation / alias facts. Keys are (block path, keyword). Each entry was
# checked against the 2.2.7 sources: a "Deprecated" comment on the
# registration line, a deprecation message in the handler, or two keywords of
# the same block sharing one handler for the same setting.
NOTES = {
    ("global_defs", "lvs_process_name"): "deprecated: alias of checker_process_name (code comment + log message)",
    ("global_defs", "lvs_flush_onstop"): "deprecated: alias of lvs_flush_on_stop (code comment)",
    ("global_defs", "vrrp_vmac_garp_intvl"): "deprecated: alias of vrrp_garp_extra_if (code comment + config warning)",
    ("global_defs", "vrrp_rlimit_rtime"): "deprecated: alias of vrrp_rlimit_rttime (code comment + log message)",
    ("global_defs", "checker_rlimit_rtime"): "deprecated: alias of checker_rlimit_rttime (code comment + log message)",
    ("global_defs", "bfd_rlimit_rtime"): "deprecated: alias of bfd_rlimit_rttime (code comment + log message)",
    ("global_defs", "enable_snmp_keepalived"): "deprecated: alias of enable_snmp_vrrp (code comment)",
    ("vrrp_instance", "vmac_garp_intvl"): "deprecated: alias of garp_extra_if (code comment + config warning)",
    ("vrrp_instance", "linkbeat_use_polling"): "deprecated: use top-level linkbeat_interfaces block (config error message; still applied)",
    ("vrrp_instance", "lvs_sync_daemon_interface"): "deprecated: use global_defs lvs_sync_daemon (config error message; still applied)",
    ("vrrp_sync_group", "global_tracking"): "deprecated: same effect as sync_group_tracking_weight (config error message; still applied)",
    ("-", "vrrp_track_file"): "deprecated: alias of track_file (code comment + log message)",
    ("virtual_server", "lb_algo"): "alias of lvs_sched (same handler; not marked deprecated)",
    ("virtual_server", "lb_kind"): "alias of lvs_method (same handler; not marked deprecated)",
    ("virtual_server/real_server/HTTP_GET", "nb_get_retry"): "deprecated: alias of retry (code comment + config error message)",
    ("virtual_server/real_server/SSL_GET", "nb_get_retry"): "deprecated: alias of retry (code comment + config error message)",
    ("virtual_server/real_server/SMTP_CHECK", "host"): "deprecated: define additional SMTP_CHECK checkers instead (code comment + log message)",
    ("bfd_instance", "neighbour_ip"): "alias of neighbor_ip (same handler)",
    ("bfd_instance", "hoplimit"): "alias of ttl (same handler)",
}

INSTALL_ROOT = re.compile(r'install_keyword_root\("([^"]+)",\s*&?(\w+)')
INSTALL_KW = re.compile(r'install_keyword(?:_conditional)?\(("([^"]+)"|(\w+)),\s*&?(\w+)')
SUB = re.compile(r'install_sublevel\(\)')
SUB_END = re.compile(r'install_sublevel_end\(\)')
CALL = re.compile(r'\b(init_\w+_keywords|add_\w+_keywords|install_\w+_keywords?)\(([^)]*)\);')
FUNC_DEF = re.compile(r'^(\w+)\(([^)]*)\)\s*$')
PP = re.compile(r'^\s*#\s*(ifdef|ifndef|if|elif|else|endif)\b\s*(.*)$')


class Node:
    def __init__(self, name, handler, loc, cond):
        self.name = name
        self.handler = handler
        self.locs = [loc]
        self.conds = [cond]
        self.children = []

    def child(self, name):
        for c in self.children:
            if c.name == name:
                return c
        return None


def read_functions(src):
    """Return {name: (file, params, [(lineno, text, cond)])} for all functions in FILES."""
    funcs = {}
    for rel in FILES:
        with open(os.path.join(src, rel), encoding="utf-8", errors="replace") as f:
            lines = f.read().split("\n")
        stack = []
        cur = None
        for i, line in enumerate(lines, 1):
            m = PP.match(line)
            if m:
                kind, expr = m.group(1), re.sub(r'/\*.*?\*/', '', m.group(2)).strip()
                if "||" in expr or "&&" in expr:
                    expr = "(" + expr + ")"
                if kind == "ifdef":
                    stack.append(expr)
                elif kind == "ifndef":
                    stack.append("!" + expr)
                elif kind == "if":
                    stack.append(expr)
                elif kind == "elif":
                    stack[-1] = "!(" + stack[-1] + ") && " + expr
                elif kind == "else":
                    stack[-1] = "!(" + stack[-1] + ")"
                elif kind == "endif":
                    stack.pop()
                continue
            if cur is None:
                m = FUNC_DEF.match(line)
                if m and i < len(lines) and lines[i].startswith("{"):
                    cur = (m.group(1), [p.strip().split()[-1].lstrip("*") for p in m.group(2).split(",") if p.strip() and p.strip() != "void"], [])
                continue
            if line.startswith("}"):
                funcs[cur[0]] = (rel, cur[1], cur[2])
                cur = None
                continue
            uniq = []
            for c in stack:
                if c not in uniq:
                    uniq.append(c)
            cur[2].append((i, line, " && ".join(uniq)))
    return funcs


def handler_reads_block(src_funcs_text, handler):
    """True if the handler body reads a value block ({ ... } of plain lines)."""
    body = src_funcs_text.get(handler)
    if body is None:
        return False
    return "alloc_value_block" in body or "read_value_block" in body


def all_handler_bodies(src):
    """Bodies of every static/global function in keepalived/ (for handler inspection)."""
    bodies = {}
    for root, _, files in os.walk(os.path.join(src, "keepalived")):
        for fn in files:
            if not fn.endswith(".c"):
                continue
            with open(os.path.join(root, fn), encoding="utf-8", errors="replace") as f:
                lines = f.read().split("\n")
            cur = None
            buf = []
            for i, line in enumerate(lines):
                if cur is None:
                    m = FUNC_DEF.match(line)
                    if m and i + 1 < len(lines) and lines[i + 1].startswith("{"):
                        cur = m.group(1)
                        buf = []
                    continue
                if line.startswith("}"):
                    bodies.setdefault(cur, "\n".join(buf))
                    cur = None
                    continue
                buf.append(line)
    return bodies


def build(src):
    funcs = read_functions(src)
    roots = []
    state = {"sublevel": 0}

    def last_root():
        return roots[-1]

    def add(name, handler, loc, cond, is_root):
        if is_root:
            for r in roots:
                if r.name == name:   # bfd_instance is registered once per process type
                    r.locs.append(loc)
                    r.conds.append(cond)
                    roots.remove(r)
                    roots.append(r)
                    return
            roots.append(Node(name, handler, loc, cond))
            return
        node = last_root()
        for _ in range(state["sublevel"]):
            node = node.children[-1]
        existing = node.child(name)
        if existing is not None:
            existing.locs.append(loc)
            existing.conds.append(cond)
            node.children.remove(existing)
            node.children.append(existing)
            return
        node.children.append(Node(name, handler, loc, cond))

    def run(fname, args, outer_cond, via=""):
        rel, params, body = funcs[fname]
        env = dict(zip(params, args))
        skip_depth = None   # inside "if (param) {" with param false
        depth = 0
        for lineno, text, cond in body:
            code = re.sub(r'/\*.*?\*/', '', text)
            fullcond = " && ".join(dict.fromkeys(c for c in (outer_cond + " && " + cond).split(" && ") if c))
            m = re.match(r'\s*if \((\w+)\) \{', code)
            if m and m.group(1) in env:
                depth += 1
                if env[m.group(1)] == "false" and skip_depth is None:
                    skip_depth = depth
                continue
            if re.match(r'\s*\}\s*$', code) and depth:
                if skip_depth == depth:
                    skip_depth = None
                depth -= 1
                continue
            if skip_depth is not None:
                continue
            loc = "%s:%d" % (rel, lineno)
            if params and via:
                loc += " via " + via
            m = INSTALL_ROOT.search(code)
            if m:
                add(m.group(1), m.group(2), loc, fullcond, True)
                continue
            m = INSTALL_KW.search(code)
            if m and "install_keyword_root" not in code:
                name = m.group(2) if m.group(2) else env.get(m.group(3))
                name = name.strip('"') if name else None
                if name is None:
                    raise SystemExit("cannot resolve keyword at %s: %s" % (loc, text))
                add(name, m.group(4), loc, fullcond, False)
                continue
            if SUB.search(code):
                state["sublevel"] += 1
                continue
            if SUB_END.search(code):
                state["sublevel"] -= 1
                continue
            m = CALL.search(code)
            if m and m.group(1) in funcs and m.group(1) != "install_keyword_conditional":
                callargs = [a.strip() for a in m.group(2).split(",") if a.strip()]
                run(m.group(1), callargs, fullcond, loc)

    for fname, args in ENTRY:
        state["sublevel"] = 0
        run(fname, args, "")
    return roots


def main():
    src, repo, tag, commit = sys.argv[1:5]
    binary = sys.argv[5] if len(sys.argv) > 5 else None
    bindata = open(binary, "rb").read() if binary else None
    roots = build(src)
    bodies = all_handler_bodies(src)
    rows = []

    def walk(node, path):
        reads_block = handler_reads_block(bodies, node.handler)
        if node.children:
            opens = "yes"
        elif reads_block:
            opens = "yes (value block)"
        else:
            opens = "no"
        note = NOTES.get((path, node.name), "-")
        conds = sorted(set(node.conds))
        cond = "always" if "" in conds else " | ".join(conds)
        row = [path, node.name, opens, note, "; ".join(node.locs), cond]
        if bindata is not None:
            row.append("yes" if node.name.encode() + b"\0" in bindata else "no")
        rows.append(row)
        child_path = node.name if path == "-" else path + "/" + node.name
        for c in node.children:
            walk(c, child_path)

    for r in roots:
        walk(r, "-")
    seen = {(row[0], row[1]) for row in rows}
    stale = [k for k in NOTES if k not in seen]
    if stale:
        raise SystemExit("NOTES entries not registered at this tag: %s" % stale)

    today = datetime.date.today().isoformat()
    print("# keepalived keyword registrations (install_keyword_root/install_keyword/install_sublevel)"
          " from https://github.com/%s tag %s commit %s; files: %s; generated %s by extract-keepalived-keywords.py"
          % (repo, tag, commit, " ".join(FILES), today))
    print("# columns: block path ('-' = top level) | keyword | opens block (yes = has registered sub-keywords;"
          " 'yes (value block)' = handler reads a { ... } block of plain lines; no) | deprecated/alias |"
          " registered at (file:line at the tag) | preprocessor guard at registration ('always' = unconditional)"
          + (" | string present in %s" % binary if binary else ""))
    header = ["block", "keyword", "opens_block", "deprecated_or_alias", "source", "build_condition"]
    if bindata is not None:
        header.append("in_debian_binary")
    print("\t".join(header))
    for row in rows:
        print("\t".join(row))


if __name__ == "__main__":
    main()
