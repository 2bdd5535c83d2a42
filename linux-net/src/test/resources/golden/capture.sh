#!/bin/sh
# Re-creates the golden netlink vectors in this directory from iproute2 (needs root, strace).
# Each vector is the exact bytes one sendmsg()/recvmsg() carried, dumped by strace -e write=/read=.
# Run from anywhere: sh capture.sh; it makes and deletes its own namespace, never touches the host's.
# sh capture.sh NAME... re-captures only those vectors (the setup still runs in full), so adding a
# vector does not rewrite the others.
set -eu
only=" $* "
dir=$(cd "$(dirname "$0")" && pwd)
ns=kjln-golden-$$
ip netns add "$ns"
trap 'ip netns del "$ns"' EXIT
# ifindex 1 = lo, 2 = veth1, 3 = veth0 in a fresh namespace (the peer is created first).
ip -n "$ns" link add veth0 type veth peer name veth1
ip -n "$ns" link set veth0 address 02:00:00:00:00:10
ip -n "$ns" link set veth1 address 02:00:00:00:00:11
ip -n "$ns" link set veth0 up
ip -n "$ns" link set veth1 up

# strace FILE -- CMD...: the hexdumps of every sendmsg and recvmsg, one "* N bytes" block each.
trace() { out=$1; shift; case "$only" in "  "|*" $out "*) ;; *) return 0;; esac; strace -o "$dir/$out.strace" -e trace=sendmsg,sendto,recvmsg -e write=3,4,5 -e read=3,4,5 -s 65535 "$@" >/dev/null 2>&1 || true; }

trace addr-add-v4 ip -n "$ns" addr add 192.0.2.10/24 brd 192.0.2.255 dev veth0 label veth0:1
trace addr-add-v4-dup ip -n "$ns" addr add 192.0.2.10/24 brd 192.0.2.255 dev veth0 label veth0:1
trace addr-add-v6-nodad ip -n "$ns" addr add 2001:db8::10/64 dev veth0 nodad
trace addr-del-v4 ip -n "$ns" addr del 192.0.2.10/24 dev veth0
trace link-show-dev ip -n "$ns" link show dev veth0
trace link-dump ip -n "$ns" link show
trace addr-dump ip -n "$ns" addr show
trace genl-get-nlctrl ip netns exec "$ns" genl ctrl get name nlctrl
trace genl-get-ipvs ip netns exec "$ns" genl ctrl get name IPVS

# Routes and rules (keepalived's virtual_routes/virtual_rules): gateways need an on-link address.
ip -n "$ns" addr add 198.51.100.2/24 dev veth0
ip -n "$ns" addr add 2001:db8::2/64 dev veth0 nodad
trace route-add-v4 ip -n "$ns" route add 192.0.2.0/24 table 100 proto static src 198.51.100.2 via 198.51.100.1 metric 10 dev veth0
trace route-del-v4 ip -n "$ns" route del 192.0.2.0/24 table 100 proto static src 198.51.100.2 via 198.51.100.1 metric 10 dev veth0
trace route-add-v6 ip -n "$ns" -6 route add 2001:db8:1::/64 via 2001:db8::1 metric 100 dev veth0
trace route-add-default ip -n "$ns" route add default via 198.51.100.1 dev veth0
trace route-add-blackhole ip -n "$ns" route add blackhole 203.0.113.0/24 table 1000 proto 18 metric 5
trace route-del-blackhole ip -n "$ns" route del blackhole 203.0.113.0/24 table 1000 proto 18 metric 5
trace route-add-link ip -n "$ns" route add 198.51.100.128/25 table 100 scope link dev veth0
trace route-dump ip -n "$ns" route show table all
trace rule-add-v4 ip -n "$ns" rule add from 192.0.2.0/24 to 198.51.100.0/24 priority 100 fwmark 0x10/0xff iif veth0 oif veth1 table 100
trace rule-del-v4 ip -n "$ns" rule del from 192.0.2.0/24 to 198.51.100.0/24 priority 100 fwmark 0x10/0xff iif veth0 oif veth1 table 100
trace rule-add-v6-prohibit ip -n "$ns" -6 rule add from 2001:db8::/32 priority 200 prohibit
trace rule-add-table-1000 ip -n "$ns" rule add priority 300 fwmark 0x20 table 1000
trace rule-dump ip -n "$ns" rule show

# macvlan, keepalived's use_vmac (VRID 51: 00:00:5e:00:01:33).
trace link-add-macvlan ip -n "$ns" link add link veth0 name vmac51 address 00:00:5e:00:01:33 type macvlan mode private
trace link-add-macvlan-bridge ip -n "$ns" link add link veth0 name vmac52 type macvlan mode bridge
trace link-del ip -n "$ns" link del vmac51

# Split each trace into one hex file per buffer: NAME-NN-send.hex / NAME-NN-recv.hex,
# 16 bytes a line, so a test reads them with HexFormat after dropping whitespace.
for f in "$dir"/*.strace; do
  python3 - "$f" <<'PY'
import re, sys
path = sys.argv[1]
base = path[:-len('.strace')]
blocks, kind, cur = [], None, None
for line in open(path):
    if line.startswith('sendto('):
        # strace dumps sendto's buffer without a "* N bytes" line
        kind, cur = 'send', []
        blocks.append((kind, cur))
    elif line.startswith('sendmsg('):
        kind = 'send'
    elif line.startswith('recvmsg('):
        kind = 'recv'
    elif line.startswith(' * '):
        cur = []
        blocks.append((kind, cur))
    elif line.startswith(' | ') and cur is not None:
        cur.append(' '.join(line[10:59].split()))
for i, (k, lines) in enumerate(blocks):
    with open('%s-%02d-%s.hex' % (base, i, k), 'w') as out:
        out.write('\n'.join(l for l in lines if l) + '\n')
PY
  rm "$f"
done
