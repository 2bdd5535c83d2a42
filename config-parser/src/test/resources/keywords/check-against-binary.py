#!/usr/bin/env python3
# Copyright The Keepalived/J authors. Licensed under the Apache License, Version 2.0.
#
# Cross-checks keepalived-<version>-keywords.tsv against an installed keepalived
# binary: writes one configuration that uses every keyword of the TSV in its
# block (plus one made-up keyword per block as a control), runs
# `keepalived -t -f FILE -l -D` and reports which keywords the binary called
# "Unknown keyword". Values are dummies, so value errors are expected and ignored.
#
# Usage: check-against-binary.py keepalived-2.2.7-keywords.tsv [/usr/sbin/keepalived]

import os
import re
import subprocess
import sys
import tempfile

ROOT_ARGS = {
    "vrrp_instance": "VI_T", "vrrp_script": "S_T", "vrrp_sync_group": "G_T",
    "track_group": "TG_T", "bfd_instance": "B_T", "virtual_server": "10.0.0.1 80",
    "virtual_server_group": "VSG_T", "track_file": "TF_T", "vrrp_track_file": "TF2_T",
    "vrrp_track_process": "P_T",
}
# Keywords that change how keepalived runs (namespaces, pid files, config copies,
# reload files) are left out of the generated file and listed as not exercised.
SKIP = {"net_namespace", "net_namespace_ipvs", "instance", "use_pid_dir", "child_wait_time",
        "tmp_config_directory", "config_save_dir", "reload_file", "reload_time_file",
        "reload_check_config", "reload_repeat", "include_check", "namespace_with_ipsets"}
SUB_ARGS = {"real_server": "10.0.0.2 80"}


def main():
    tsv = sys.argv[1]
    binary = sys.argv[2] if len(sys.argv) > 2 else "/usr/sbin/keepalived"
    rows = [l.rstrip("\n").split("\t") for l in open(tsv) if not l.startswith("#")][1:]
    children = {}
    opens = {}
    for r in rows:
        children.setdefault(r[0], []).append(r[1])
        key = r[1] if r[0] == "-" else r[0] + "/" + r[1]
        opens[key] = r[2]
    out = []
    controls = {}
    counter = [0]
    skipped = []

    def emit(path, kw, indent):
        key = kw if path == "-" else path + "/" + kw
        if kw in SKIP:
            skipped.append(key)
            return
        pad = "  " * indent
        if opens[key] == "yes":
            arg = ROOT_ARGS.get(kw) if path == "-" else SUB_ARGS.get(kw)
            out.append(pad + kw + (" " + arg if arg else "") + " {")
            for c in children.get(key, []):
                emit(key, c, indent + 1)
            counter[0] += 1
            bogus = "zz_control_%d" % counter[0]
            controls[bogus] = key
            out.append(pad + "  " + bogus + " 1")
            out.append(pad + "}")
        elif opens[key].startswith("yes"):
            arg = ROOT_ARGS.get(kw) if path == "-" else None
            out.append(pad + kw + (" " + arg if arg else "") + " {")
            out.append(pad + "}")
        elif path == "-":
            out.append(pad + kw + " 1")
        else:
            out.append(pad + kw + " 1")

    for kw in children["-"]:
        emit("-", kw, 0)
    with tempfile.NamedTemporaryFile("w", suffix=".conf", delete=False) as f:
        f.write("\n".join(out) + "\n")
        conf = f.name
    res = subprocess.run([binary, "-t", "-f", conf, "-l", "-D"], capture_output=True, text=True, timeout=120)
    text = res.stdout + res.stderr
    unknown = set(re.findall(r"Unknown keyword '([^']+)'", text))
    missing_controls = sorted(k for k in controls if k not in unknown)
    real_unknown = sorted(k for k in unknown if not k.startswith("zz_control_"))
    os.unlink(conf)
    print("generated config: %d lines, exit code %d" % (len(out), res.returncode))
    print("blocks checked: %d; control keywords not reported (block not parsed): %s"
          % (len(controls), ", ".join("%s in %s" % (k, controls[k]) for k in missing_controls) or "none"))
    print("not exercised: %s" % ", ".join(skipped))
    print("TSV keywords reported unknown by %s: %s" % (binary, ", ".join(real_unknown) or "none"))


if __name__ == "__main__":
    main()
