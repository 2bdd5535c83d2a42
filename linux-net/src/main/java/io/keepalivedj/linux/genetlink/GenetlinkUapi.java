package io.keepalivedj.linux.genetlink;

/** Constants of uapi/linux/genetlink.h under their kernel names. */
public final class GenetlinkUapi {
  // struct genlmsghdr { __u8 cmd; __u8 version; __u16 reserved; }
  public static final int GENL_HDRLEN = 4;
  /** The controller family's fixed id ("nlctrl"). */
  public static final int GENL_ID_CTRL = 0x10;

  public static final int CTRL_CMD_NEWFAMILY = 1;
  public static final int CTRL_CMD_GETFAMILY = 3;

  public static final int CTRL_ATTR_FAMILY_ID = 1;
  public static final int CTRL_ATTR_FAMILY_NAME = 2;
  public static final int CTRL_ATTR_VERSION = 3;
  public static final int CTRL_ATTR_HDRSIZE = 4;
  public static final int CTRL_ATTR_MAXATTR = 5;
  public static final int CTRL_ATTR_OPS = 6;
  public static final int CTRL_ATTR_MCAST_GROUPS = 7;

  public static final int CTRL_ATTR_MCAST_GRP_NAME = 1;
  public static final int CTRL_ATTR_MCAST_GRP_ID = 2;

  /** GENL_NAMSIZ - 1: the longest family name. */
  public static final int GENL_NAME_CHARS = 15;

  private GenetlinkUapi() {
  }
}
