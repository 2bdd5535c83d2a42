#!/bin/sh
# Re-creates the golden netlink vectors in this directory from iproute2 (needs root, strace).
# Each vector is the exact bytes one sendmsg()/recvmsg() carried, dumped by strace -e write=/read=.
# Run from anywhere: sh capture.sh; it makes and deletes its own namespace, never touches the host's.
set -eu
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
trace() { out=$1; shift; strace -o "$dir/$out.strace" -e trace=sendmsg,sendto,recvmsg -e write=3,4,5 -e read=3,4,5 -s 65535 "$@" >/dev/null 2>&1 || true; }

trace addr-add-v4 ip -n "$ns" addr add 192.0.2.10/24 brd 192.0.2.255 dev veth0 label veth0:1
trace addr-add-v4-dup ip -n "$ns" addr add 192.0.2.10/24 brd 192.0.2.255 dev veth0 label veth0:1
trace addr-add-v6-nodad ip -n "$ns" addr add 2001:db8::10/64 dev veth0 nodad
trace addr-del-v4 ip -n "$ns" addr del 192.0.2.10/24 dev veth0
trace link-show-dev ip -n "$ns" link show dev veth0
trace link-dump ip -n "$ns" link show
trace addr-dump ip -n "$ns" addr show
trace genl-get-nlctrl ip netns exec "$ns" genl ctrl get name nlctrl
trace genl-get-ipvs ip netns exec "$ns" genl ctrl get name IPVS

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
