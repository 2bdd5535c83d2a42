package io.keepalivedj.linux.rtnetlink;

/**
 * What a {@link NetlinkSubscription} delivers: a link or address change the kernel announced,
 * or a {@link Resync} carrying the whole current state. Dispatch with an instanceof chain over
 * the permitted types.
 */
public sealed interface RtnetlinkEvent permits LinkEvent, AddressEvent, Resync {

  /** Whether the object was created or changed (RTM_NEW*) or removed (RTM_DEL*). */
  enum Change {
    /** RTM_NEWLINK / RTM_NEWADDR: created, or (for links) any change of flags or state. */
    NEW,
    /** RTM_DELLINK / RTM_DELADDR. */
    DELETED
  }
}
