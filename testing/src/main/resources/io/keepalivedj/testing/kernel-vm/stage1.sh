#!/bin/busybox sh
# KernelVm stage 1: /init of the initramfs, run by busybox. Loads the virtio-pci, 9p and overlay
# modules listed in /modules, mounts the host's / (9p tag kjroot) read-only under a tmpfs
# overlay, the control share (kjctl) and the shares listed in kjctl/mounts, then switch_roots
# into the host's / with its bash running stage 2. Any failure lands in ctl/failed (if the
# control share is mounted) and on the console, and powers the guest off.
/bin/busybox mkdir -p /proc /sys /dev /ctl /lower /upper /newroot
/bin/busybox --install -s /bin
export PATH=/bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
fail() {
  echo "kernel-vm stage1: $*" > /dev/console
  [ -d /ctl/. ] && echo "stage1: $*" > /ctl/failed
  sync; poweroff -f; sleep 10
}
while read -r m; do [ -n "$m" ] && { insmod "/lib/modules/$m" || fail "insmod $m"; }; done < /modules
o9p="trans=virtio,version=9p2000.L,msize=512000"
mount -t 9p -o "$o9p,cache=mmap" kjctl /ctl || fail "mount control share"
mount -t 9p -o "$o9p,cache=loose,ro" kjroot /lower || fail "mount root share"
mount -t tmpfs -o mode=755 tmpfs /upper && mkdir -p /upper/u /upper/w || fail "tmpfs for the overlay"
mount -t overlay -o lowerdir=/lower,upperdir=/upper/u,workdir=/upper/w overlay /newroot || fail "overlay root"
mount -t proc proc /newroot/proc || fail "mount /proc"
mount -t sysfs sysfs /newroot/sys || fail "mount /sys"
mount --move /dev /newroot/dev || fail "move /dev"
mkdir -p /newroot/dev/pts /newroot/dev/shm
mount -t devpts -o gid=5,mode=620,ptmxmode=666 devpts /newroot/dev/pts
mount -t tmpfs -o mode=1777 tmpfs /newroot/dev/shm
mount -t cgroup2 cgroup2 /newroot/sys/fs/cgroup 2>/dev/null
# "KIND TAG PATH" lines, parents before children: tmpfs (empty, writable), rw or ro (9p share)
while read -r kind tag path; do
  [ -n "$path" ] || continue
  mkdir -p "/newroot$path" || fail "mkdir $path"
  case $kind in
    tmpfs) mount -t tmpfs -o mode=1777 tmpfs "/newroot$path" || fail "tmpfs $path" ;;
    rw)    mount -t 9p -o "$o9p,cache=mmap" "$tag" "/newroot$path" || fail "mount rw $path" ;;
    ro)    mount -t 9p -o "$o9p,cache=mmap,ro" "$tag" "/newroot$path" || fail "mount ro $path" ;;
  esac
done < /ctl/mounts
mkdir -p /newroot/run/kj/ctl || fail "mkdir /run/kj"
cp /init2 /newroot/run/kj/stage2 || fail "copy stage 2"
ip link set lo up
mount --move /ctl /newroot/run/kj/ctl || fail "move control share"
exec switch_root /newroot /bin/bash /run/kj/stage2
fail "switch_root"
