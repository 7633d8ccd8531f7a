/* abi/mount.h: mount(2) and umount2(2) flags, as Linux defines them. */
#ifndef SERVICES_ABI_MOUNT_H
#define SERVICES_ABI_MOUNT_H

#define MS_RDONLY      0x1ul
#define MS_NOSUID      0x2ul
#define MS_NODEV       0x4ul
#define MS_NOEXEC      0x8ul
#define MS_SYNCHRONOUS 0x10ul
#define MS_REMOUNT     0x20ul
#define MS_MANDLOCK    0x40ul
#define MS_DIRSYNC     0x80ul
#define MS_NOATIME     0x400ul
#define MS_NODIRATIME  0x800ul
#define MS_BIND        0x1000ul
#define MS_MOVE        0x2000ul
#define MS_REC         0x4000ul
#define MS_SILENT      0x8000ul
#define MS_PRIVATE     (1ul << 18)
#define MS_SLAVE       (1ul << 19)
#define MS_SHARED      (1ul << 20)
#define MS_RELATIME    (1ul << 21)
#define MS_STRICTATIME (1ul << 24)
#define MS_MGC_MSK     0xffff0000ul
#define MS_MGC_VAL     0xc0ed0000ul

#define MNT_FORCE       0x1
#define MNT_DETACH      0x2
#define MNT_EXPIRE      0x4
#define UMOUNT_NOFOLLOW 0x8

#endif
