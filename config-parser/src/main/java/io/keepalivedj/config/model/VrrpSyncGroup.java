package io.keepalivedj.config.model;

import io.keepalivedj.config.SourcePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code vrrp_sync_group NAME { ... }} block: instances that change state together.
 *
 * @param name the group's name, passed to {@code notify} scripts as {@code GROUP NAME}
 * @param group the lines of {@code group { ... }}: VRRP instance names, each defined once
 * @param trackInterface {@code track_interface { ... }}, applied to every member
 * @param trackScript {@code track_script { ... }}
 * @param trackFile {@code track_file { ... }}
 * @param trackProcess {@code track_process { ... }}
 * @param trackBfd {@code track_bfd { ... }}
 * @param notifyMaster {@code notify_master}
 * @param notifyBackup {@code notify_backup}
 * @param notifyFault {@code notify_fault}
 * @param notifyStop {@code notify_stop}
 * @param notifyScript {@code notify} (a Java record cannot have a component named notify): called with {@code GROUP NAME STATE PRIORITY} appended
 * @param smtpAlert {@code smtp_alert [BOOL]}; empty: {@code global_defs}' {@code smtp_alert_vrrp},
 *     else {@code smtp_alert}, else off
 * @param syncGroupTrackingWeight {@code sync_group_tracking_weight} (or the deprecated
 *     {@code global_tracking}): members' tracker weights apply instead of being ignored
 * @param notifyPriorityChanges {@code notify_priority_changes [BOOL]}; empty: the global setting
 * @param position where the block starts
 */
public record VrrpSyncGroup(
    String name,
    List<String> group,
    List<TrackedObject> trackInterface,
    List<TrackedObject> trackScript,
    List<TrackedObject> trackFile,
    List<TrackedObject> trackProcess,
    List<TrackedObject> trackBfd,
    Optional<Script> notifyMaster,
    Optional<Script> notifyBackup,
    Optional<Script> notifyFault,
    Optional<Script> notifyStop,
    Optional<Script> notifyScript,
    Optional<Boolean> smtpAlert,
    boolean syncGroupTrackingWeight,
    Optional<Boolean> notifyPriorityChanges,
    SourcePosition position) {

  public VrrpSyncGroup {
    Objects.requireNonNull(name, "name");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("empty vrrp_sync_group name");
    }
    group = List.copyOf(group);
    if (group.stream().distinct().count() != group.size()) {
      throw new IllegalArgumentException("instance listed twice in sync group " + name + ": " + group);
    }
    trackInterface = TrackedObject.copyOf(trackInterface, TrackedObject.MAX_WEIGHT);
    trackScript = TrackedObject.copyOf(trackScript, TrackedObject.MAX_WEIGHT);
    trackFile = TrackedObject.copyOf(trackFile, TrackedObject.MAX_FILE_PROCESS_WEIGHT);
    trackProcess = TrackedObject.copyOf(trackProcess, TrackedObject.MAX_FILE_PROCESS_WEIGHT);
    trackBfd = TrackedObject.copyOf(trackBfd, TrackedObject.MAX_WEIGHT);
    Objects.requireNonNull(notifyMaster, "notifyMaster");
    Objects.requireNonNull(notifyBackup, "notifyBackup");
    Objects.requireNonNull(notifyFault, "notifyFault");
    Objects.requireNonNull(notifyStop, "notifyStop");
    Objects.requireNonNull(notifyScript, "notifyScript");
    Objects.requireNonNull(smtpAlert, "smtpAlert");
    Objects.requireNonNull(notifyPriorityChanges, "notifyPriorityChanges");
    Objects.requireNonNull(position, "position");
  }

  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** Builds a {@link VrrpSyncGroup}; unset parts are keepalived's defaults. */
  public static final class Builder {
    private final String name;
    private final List<String> group = new ArrayList<>();
    private final List<TrackedObject> trackInterface = new ArrayList<>();
    private final List<TrackedObject> trackScript = new ArrayList<>();
    private final List<TrackedObject> trackFile = new ArrayList<>();
    private final List<TrackedObject> trackProcess = new ArrayList<>();
    private final List<TrackedObject> trackBfd = new ArrayList<>();
    private Optional<Script> notifyMaster = Optional.empty();
    private Optional<Script> notifyBackup = Optional.empty();
    private Optional<Script> notifyFault = Optional.empty();
    private Optional<Script> notifyStop = Optional.empty();
    private Optional<Script> notifyScript = Optional.empty();
    private Optional<Boolean> smtpAlert = Optional.empty();
    private boolean syncGroupTrackingWeight;
    private Optional<Boolean> notifyPriorityChanges = Optional.empty();
    private SourcePosition position = SourcePosition.NONE;

    private Builder(String name) {
      this.name = name;
    }

    public Builder group(String... instances) { group.addAll(List.of(instances)); return this; }
    public Builder group(List<String> instances) { group.addAll(instances); return this; }
    public Builder trackInterface(TrackedObject t) { trackInterface.add(t); return this; }
    public Builder trackScript(TrackedObject t) { trackScript.add(t); return this; }
    public Builder trackFile(TrackedObject t) { trackFile.add(t); return this; }
    public Builder trackProcess(TrackedObject t) { trackProcess.add(t); return this; }
    public Builder trackBfd(TrackedObject t) { trackBfd.add(t); return this; }
    public Builder notifyMaster(Script s) { notifyMaster = Optional.of(s); return this; }
    public Builder notifyBackup(Script s) { notifyBackup = Optional.of(s); return this; }
    public Builder notifyFault(Script s) { notifyFault = Optional.of(s); return this; }
    public Builder notifyStop(Script s) { notifyStop = Optional.of(s); return this; }
    public Builder notifyScript(Script s) { notifyScript = Optional.of(s); return this; }
    public Builder smtpAlert(boolean v) { smtpAlert = Optional.of(v); return this; }
    public Builder syncGroupTrackingWeight(boolean v) { syncGroupTrackingWeight = v; return this; }
    public Builder notifyPriorityChanges(boolean v) { notifyPriorityChanges = Optional.of(v); return this; }
    public Builder position(SourcePosition p) { position = p; return this; }

    public VrrpSyncGroup build() {
      return new VrrpSyncGroup(name, group, trackInterface, trackScript, trackFile, trackProcess,
          trackBfd, notifyMaster, notifyBackup, notifyFault, notifyStop, notifyScript, smtpAlert,
          syncGroupTrackingWeight, notifyPriorityChanges, position);
    }
  }
}
