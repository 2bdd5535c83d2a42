#!/bin/bash
# KernelVm stage 2: PID 1 after switch_root, the host's bash. Sources ctl/job (KJ_CWD, KJ_ENV,
# KJ_CMD arrays), runs the command with a clean environment, stdin /dev/null, stdout/stderr
# straight into files of the 9p control share (write-through, so even a timed-out command's
# output reaches the host), writes its exit status to ctl/status and powers off.
ctl=/run/kj/ctl
off() {
  sync
  # reboot(2) with RB_POWER_OFF; qemu runs with -no-reboot, so either way the VM ends
  echo o > /proc/sysrq-trigger 2>/dev/null
  /bin/busybox poweroff -f 2>/dev/null
  exit 1
}
trap off EXIT
. "$ctl/job" || { echo "stage2: cannot read job" > "$ctl/failed"; off; }
hostname "$KJ_HOSTNAME" 2>/dev/null || echo "$KJ_HOSTNAME" > /proc/sys/kernel/hostname
echo "<5>kernel-vm: starting command" > /dev/kmsg
(
  cd "$KJ_CWD" || { echo "kernel-vm: cannot cd to $KJ_CWD" >&2; exit 125; }
  exec /usr/bin/env -i "${KJ_ENV[@]}" "${KJ_CMD[@]}"
) </dev/null >"$ctl/stdout" 2>"$ctl/stderr"
rc=$?
echo "<5>kernel-vm: command exited $rc" > /dev/kmsg
echo "$rc" > "$ctl/status.tmp" && mv "$ctl/status.tmp" "$ctl/status"
off
